@ge
Feature: Can a Russian enter Georgia, and what if he crosses outside a checkpoint?
  Georgia's entry rules for Russians and its Criminal Code art. 344 (destination notes, sections
  4.1-4.4).

  Scenario: Without a foreign passport he cannot enter Georgia lawfully
    # Source: destination notes 4.1 (a foreign passport is required) [GE-a documents.ge].
    Given a fresh person of nationality RU in GE
    And person.travel_document is internal_passport
    When the case is evaluated
    Then an outcome of kind remedy is predicted in GE
    And it comes from rule ge.entry.foreign_passport_needed
    And its detail document_needed is foreign_passport

  Scenario: With a foreign passport he may stay a year, the count restarting on re-entry
    # Source: destination notes 4.1 (one year, reset by exit) [GE-a].
    Given a fresh person of nationality RU in GE
    And the facts:
      | path                    | value            |
      | person.travel_document  | foreign_passport |
      | crossing.into           | GE               |
      | crossing.date           | 2022-09-25       |
    When the case is evaluated
    Then an outcome of kind remedy is predicted in GE
    And it comes from rule ge.stay.one_year
    And the deadline of rule ge.stay.one_year falls on 2023-09-25

  Scenario: Crossing outside a checkpoint is punished by a fine or 3 to 5 years
    # Source: destination notes 4.3 (CC art. 344(1)) [GE-b].
    Given a fresh person of nationality RU in GE
    And the facts:
      | path                   | value      |
      | crossing.into          | GE         |
      | crossing.date          | 2022-09-25 |
      | crossing.at_checkpoint | false      |
    When the case is evaluated
    Then an outcome of kind prosecution is predicted in GE
    And it cites article 344 part 1 of the GE Criminal Code
    And its detail max_years is 5
    And its detail min_years is 3

  Scenario: Claiming asylum within 24 hours of an irregular entry opens the art. 31(1) argument
    # Source: destination notes 4.4 (within 24 hours, former law; current [U]) [GE-i]; legal notes
    # section 4 (Refugee Convention art. 31(1)).
    Given a fresh person of nationality RU in GE
    And the facts:
      | path                   | value      |
      | crossing.into          | GE         |
      | crossing.date          | 2022-09-25 |
      | crossing.at_checkpoint | false      |
      | asylum.applied_on      | 2022-09-26 |
    When the case is evaluated
    Then rule ge.protection.claim_on_time.irregular_entry holds
    And the deadline of rule ge.protection.claim_deadline.irregular_entry is met on 2022-09-26
    And an outcome of kind remedy is predicted in INTL
    And it comes from rule intl.rc.31.1
    # The argument is no surer than the Georgian 24 hours it rests on (current law [U]).
    And its confidence is low
