@tr
Feature: On what document may a Russian enter Turkey, and for how long may he stay?
  Russians stay visa-free for 60 days at a time, at most 90 days in any 180, on a foreign
  passport; an overstayer who leaves on his own pays a fine and may avoid an entry ban.

  Background:
    Given a fresh person of nationality RU in TR
    And crossing.into is TR
    And stay.basis is visa_free

  Scenario: Without a foreign passport he cannot enter Turkey lawfully
    # Source: destination notes section 8.1 and section 11 (foreign passport needed; tr-a).
    Given person.travel_document is internal_passport
    When the case is evaluated
    Then an outcome of kind remedy is predicted in TR
    And it comes from rule tr.entry.foreign_passport_needed
    And its detail document_needed is foreign_passport

  Scenario: Entering on 1 March 2023 he may stay 60 days, until 30 April
    # Source: destination notes section 8.1 (60 days visa-free; tr-a); the day of entry is not counted.
    Given person.travel_document is foreign_passport
    And crossing.date is 2023-03-01
    When the case is evaluated as of 2023-03-10
    Then the deadline of rule tr.stay.visa_free_60_days falls on 2023-04-30
    And rule tr.entry.foreign_passport_needed does not apply

  Scenario: Eighty days used in the last 180 leave him ten more
    # Source: destination notes section 8.1 (at most 90 in 180; tr-a).
    Given stay.days_in_last_180 is 80
    And stay.counted_on is 2023-03-01
    When the case is evaluated as of 2023-03-01
    Then the deadline of rule tr.stay.90_in_180 falls on 2023-03-11
    And rule tr.lfip.overstay does not apply

  Scenario: Beyond 90 days he pays a fine on leaving
    # Source: destination notes section 8.2 (fine at the border for one who leaves on his own;
    # entry ban of up to 5 years otherwise; tr-c lawyerturkey).
    Given stay.days_in_last_180 is 100
    And stay.counted_on is 2023-03-01
    When the case is evaluated as of 2023-03-01
    Then an outcome of kind administrative_penalty is predicted in TR
    And it comes from rule tr.lfip.overstay
    And its detail max_ban_years is 5
