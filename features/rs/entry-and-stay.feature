@rs
Feature: On what document may a Russian enter Serbia, and for how long may he stay?
  Serbia admits Russians visa-free for 30 days on a foreign passport (agreement in force from
  10 June 2009), and every foreigner registers with the police within 24 hours of arriving.

  Background:
    Given a fresh person of nationality RU in RS
    And crossing.into is RS
    And stay.basis is visa_free

  Scenario Outline: Without a foreign passport in hand he cannot enter Serbia lawfully
    # Source: destination notes section 7.1 and section 11 (Russians with a foreign passport;
    # GE, RS, TR need one; an officer's passport is often kept by his unit), docs/sources.md rs-a.
    Given person.travel_document is <document>
    When the case is evaluated
    Then an outcome of kind remedy is predicted in RS
    And it comes from rule rs.entry.foreign_passport_needed
    And its detail document_needed is foreign_passport
    And its confidence is medium

    Examples:
      | document          |
      | internal_passport |
      | held_by_unit      |

  Scenario: On a foreign passport the entry document is not in question
    # Source: destination notes section 7.1 (rs-a).
    Given person.travel_document is foreign_passport
    And crossing.date is 2023-03-01
    When the case is evaluated
    Then rule rs.entry.foreign_passport_needed does not apply

  Scenario Outline: The 30 visa-free days count from the agreement's entry into force
    # Source: destination notes section 7.1 (30 days visa-free, agreement in force 10 Jun 2009;
    # rs-a). The law in force is the one of the day he entered.
    Given person.travel_document is foreign_passport
    And crossing.date is <entered>
    And as_of is <entered>
    When the case is evaluated
    Then rule rs.stay.visa_free_30_days <fate>

    Examples:
      | entered    | fate           |
      | 2009-06-09 | does not apply |
      | 2009-06-10 | holds          |

  Scenario: Entering on 1 March 2023 he may stay until 31 March
    # Source: destination notes section 7.1 (30 days visa-free; rs-a); the day of entry is not counted.
    Given person.travel_document is foreign_passport
    And crossing.date is 2023-03-01
    When the case is evaluated as of 2023-03-10
    Then the deadline of rule rs.stay.visa_free_30_days falls on 2023-03-31
    And the deadline of rule rs.stay.visa_free_30_days is running with 21 days left

  Scenario: He registers with the police by the end of the day after arriving
    # Source: destination notes section 7.1 (police registration within 24 hours of arrival;
    # rs-a covex, tonkosti). Dates carry no hours: 24 hours end with the next day.
    Given crossing.date is 2023-03-01
    When the case is evaluated as of 2023-03-01
    Then the deadline of rule rs.stay.police_registration falls on 2023-03-02
    And the deadline of rule rs.stay.police_registration is running with 1 days left
