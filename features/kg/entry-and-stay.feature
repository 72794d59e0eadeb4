@kg
Feature: Can a Russian enter and stay in Kyrgyzstan, and what if he crosses outside a checkpoint?
  Kyrgyzstan's stay rules for EAEU citizens and its Criminal Code (destination notes, sections
  3.1-3.4).

  Scenario: On his internal passport he can enter Kyrgyzstan
    # Source: destination notes 3.1 (internal passport accepted) [KG-b; KG-d].
    Given a fresh person of nationality RU in KG
    And person.travel_document is held_by_unit
    When the case is evaluated
    Then an outcome of kind remedy is predicted in KG
    And it comes from rule kg.entry.internal_passport

  Scenario: From 5 September 2024 an EAEU citizen may stay at most 90 days in any 180
    # Source: destination notes 3.1 (since 5 Sep 2024; visa runs abolished) [KG-i].
    Given a fresh person of nationality RU in KG
    And the facts:
      | path                  | value      |
      | stay.basis            | visa_free  |
      | stay.days_in_last_180 | 95         |
      | stay.counted_on       | 2024-09-05 |
    When the case is evaluated
    Then an outcome of kind remedy is predicted in KG
    And it comes from rule kg.stay.eaeu.90_in_180
    And its detail days is 95
    And rule kg.stay.eaeu.90_in_180.last_day holds

  Scenario: Before 5 September 2024 there was no such limit
    # Source: destination notes 3.1 [KG-i].
    Given a fresh person of nationality RU in KG
    And the facts:
      | path                  | value      |
      | stay.basis            | visa_free  |
      | stay.days_in_last_180 | 95         |
      | stay.counted_on       | 2024-09-04 |
    When the case is evaluated
    Then rule kg.stay.eaeu.90_in_180 does not apply
    And rule kg.stay.eaeu.90_in_180.last_day does not apply

  Scenario: Crossing outside a checkpoint is a crime under art. 378, its penalty not verified
    # Source: destination notes 3.3 (CC art. 378; asylum seekers prosecuted) [KG-e].
    Given a fresh person of nationality RU in KG
    And the facts:
      | path                   | value      |
      | crossing.into          | KG         |
      | crossing.date          | 2023-01-01 |
      | crossing.at_checkpoint | false      |
    When the case is evaluated
    Then an outcome of kind prosecution is predicted in KG
    And it cites article 378 of the KG Criminal Code
    And its confidence is low

  Scenario: A citizen of Kyrgyzstan should not be extradited, though the current article is not verified
    # Source: destination notes 3.4 (1997 Code art. 6) [KG-k]; 3.5 (Samat) [KG-a].
    Given a fresh person of nationality RU in KG
    And person.nationalities is RU,KG
    When the case is evaluated
    Then an outcome of kind protection is predicted in KG
    And its confidence is low
