@kz
Feature: How long may a Russian stay in Kazakhstan without a permit?
  The 90-in-180-day limit for citizens of Eurasian Economic Union states, in force from
  27 January 2023, the administrative offence of overstaying, and the asylum seeker's certificate.

  Background:
    Given a fresh person of nationality RU in KZ
    And stay.basis is visa_free

  Scenario Outline: The limit counts from 27 January 2023 and allows 90 days in 180
    # Source: legal-notes section 2 (Entry and stay: at most 90 days in any 180 since 27 Jan 2023;
    # before that the count could be reset by leaving and re-entering).
    Given stay.days_in_last_180 is <days>
    And stay.counted_on is <counted on>
    When the case is evaluated
    Then rule kz.stay.eaeu.90_in_180 <fate>

    Examples:
      | days | counted on | fate           |
      | 120  | 2023-01-26 | does not apply |
      | 120  | 2023-01-27 | holds          |
      | 90   | 2023-03-01 | does not apply |
      | 91   | 2023-03-01 | holds          |

  Scenario: Overstaying is an administrative offence
    # Source: legal-notes section 2 (AOC art. 517: a fine or administrative expulsion; 25 MRP
    # reported under part 4; exact fines unverified [U]).
    Given stay.days_in_last_180 is 120
    And stay.counted_on is 2023-03-01
    When the case is evaluated
    Then an outcome of kind remedy is predicted in KZ
    And it comes from rule kz.stay.eaeu.90_in_180
    And its detail limit_days is 90
    And an outcome of kind administrative_penalty is predicted in KZ
    And it cites article 517 of the KZ Administrative Offences Code
    And its confidence is low
    And its detail reported_fine_mrp is 25

  Scenario: A residence permit lifts the limit
    # Source: legal-notes section 2 (a longer stay needs a residence permit).
    Given stay.basis is residence_permit
    And stay.days_in_last_180 is 120
    And stay.counted_on is 2023-03-01
    When the case is evaluated
    Then rule kz.stay.eaeu.90_in_180 does not apply
    And no outcome of kind administrative_penalty is predicted

  Scenario: While his asylum claim is pending he is not an overstayer
    # Source: legal-notes section 2 (the asylum seeker's certificate makes the stay lawful).
    Given stay.days_in_last_180 is 120
    And stay.counted_on is 2023-03-01
    And asylum.applied_on is 2022-12-20
    When the case is evaluated
    Then rule kz.aoc.517.overstay is defeated by kz.refugees.certificate
    And no outcome of kind administrative_penalty is predicted
