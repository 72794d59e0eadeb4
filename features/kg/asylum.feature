@kg
Feature: Would Kyrgyzstan recognise a Russian deserter as a refugee?
  The Law on Refugees (2002) and its reported practice (destination notes, sections 3.10-3.11).

  Background:
    Given a fresh person of nationality RU in KG
    And the facts:
      | path                      | value      |
      | military.state            | RU         |
      | military.status           | conscript  |
      | military.left_service.how | deserted   |
      | military.left_service.on  | 2022-10-01 |
      | asylum.applied_on         | 2022-10-10 |

  Scenario: Refusal is very likely: no one was recognised in 2021-22
    # Source: destination notes 3.11 (parliament dropped status for mobilisation evaders; no grant in two years) [KG-h].
    When the case is evaluated
    Then an outcome of kind asylum is predicted in KG
    And it rests on practice
    And its detail decision is refused
    And an outcome of kind remedy is predicted in KG
    And it comes from rule kg.refugees.1.armed_conflict
    And an outcome of kind remedy is predicted in KG
    And it comes from rule kg.refugees.appeal

  Scenario: A recorded refusal replaces the prediction
    # Source: destination notes 3.10 (refusal appealable in court) [KG-g].
    Given asylum.decision is {"outcome": "refused", "on": "2023-04-01"}
    When the case is evaluated
    Then rule kg.refugees.practice.refused is defeated by kg.refugees.decision.refused

  Scenario: A recorded grant protects him from return
    # Source: legal notes section 4 (Refugee Convention art. 33(1)).
    Given asylum.decision is {"outcome": "granted", "on": "2023-04-01"}
    When the case is evaluated
    Then rule kg.refugees.practice.refused is defeated by kg.refugees.decision.granted
    And rule intl.rc.33.1 holds
    And rule intl.refugee-convention.party.kg.host holds
    And rule intl.cat.party.kg.host holds
