@am
Feature: Would Armenia recognise a Russian deserter as a refugee?
  The Law on Refugees and Asylum (2008) and the reported practice (destination notes, sections
  2.20-2.25). No decision on a Russian deserter's claim is reported either way.

  Background:
    Given a fresh person of nationality RU in AM
    And the facts:
      | path                      | value      |
      | as_of                     | 2024-03-01 |
      | military.state            | RU         |
      | military.status           | contract   |
      | military.left_service.how | deserted   |
      | military.left_service.on  | 2023-10-01 |
      | asylum.applied_on         | 2024-01-15 |

  Scenario: No decision on a deserter's claim is reported: the outcome is uncertain
    # Source: destination notes 2.25 (13 Russian applicants in H2 2023, none among the grants;
    # a court ordered status for a Russian in 2023) [AM-s; AM-t; AM-r].
    When the case is evaluated
    Then an outcome of kind asylum is predicted in AM
    And it rests on practice
    And its confidence is low
    And its detail decision is uncertain
    And an outcome of kind protection is predicted in AM
    And it comes from rule am.refugees.claim_pending

  Scenario: The claim is decided within 3 months
    # Source: destination notes 2.22 (3 months, extendable by 3) [AM-n; AM-o].
    When the case is evaluated
    Then the deadline of rule am.refugees.decision_due falls on 2024-04-15

  Scenario: A recorded refusal replaces the prediction, and can be appealed to the Administrative Court
    # Source: destination notes 2.23 (Administrative Court, then appeal and cassation; deadline [U]) [AM-p].
    Given asylum.decision is {"outcome": "refused", "on": "2024-02-20"}
    When the case is evaluated
    Then rule am.refugees.practice.no_deserter_grant is defeated by am.refugees.decision.refused
    And an outcome of kind remedy is predicted in AM
    And it comes from rule am.refugees.appeal
    And its confidence is low
    And an outcome of kind remedy is predicted in INTL
    And it comes from rule intl.gl10.appeal_argument

  Scenario: While the appeal is pending he cannot be expelled
    # Source: destination notes 2.23 [AM-p; AM-n].
    Given asylum.decision is {"outcome": "refused", "on": "2024-02-20"}
    And asylum.appeal is {"filed_on": "2024-02-25"}
    When the case is evaluated
    Then an outcome of kind protection is predicted in AM
    And it comes from rule am.refugees.appeal_pending

  Scenario: A recognised refugee is not returned
    # Source: legal notes section 4 (Refugee Convention art. 33(1)); destination notes 2.20 [AM-q].
    Given asylum.decision is {"outcome": "granted", "on": "2024-02-20"}
    And home_proceedings.charges is [{"article": "322"}]
    When the case is evaluated
    Then rule am.refugees.decision.granted holds
    And rule intl.refugee-convention.party.am.host holds
    And rule intl.ece.extradition.ordinary_charge is defeated by intl.rc.33.1
