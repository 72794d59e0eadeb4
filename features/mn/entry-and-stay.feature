@mn
Feature: How long may a Russian stay in Mongolia, and can he get a residence permit?
  Russians stay 30 days visa-free, extendable once by 30, at most 90 days in any 180; from
  autumn 2022 the Immigration Agency decided to grant residence permits to all Russians who applied.

  Background:
    Given a fresh person of nationality RU in MN
    And crossing.into is MN
    And stay.basis is visa_free

  Scenario: Entering on 1 October 2022 he may stay until 31 October, or have it extended once
    # Source: destination notes section 6.1 (30 days, extendable once by 30; mn-a).
    Given crossing.date is 2022-10-01
    When the case is evaluated as of 2022-10-05
    Then the deadline of rule mn.stay.visa_free_30_days falls on 2022-10-31

  Scenario: Eighty days used in the last 180 leave him ten more
    # Source: destination notes section 6.1 (at most 90 days in 180; mn-a).
    Given stay.days_in_last_180 is 80
    And stay.counted_on is 2023-03-01
    When the case is evaluated as of 2023-03-01
    Then the deadline of rule mn.stay.90_in_180 falls on 2023-03-11

  Scenario Outline: Residence permits for Russians, as reported from 1 October 2022
    # Source: destination notes section 6.1 (the Immigration Agency's decision, reported on
    # 1 Oct 2022 by three outlets; mn-a). The practice is counted from the day it was reported.
    When the case is evaluated as of <seen on>
    Then rule mn.practice.residence_permits_2022 <fate>

    Examples:
      | seen on    | fate           |
      | 2022-09-30 | does not apply |
      | 2022-10-01 | holds          |
