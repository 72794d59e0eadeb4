@intl
Feature: Does fleeing military service in Russia's war ground refugee status in law?
  UNHCR Guidelines No. 10 and the UNHCR Handbook paras. 169-171 on claims related to military
  service, read with the 1951 Convention's definition and UNGA resolution ES-11/1.

  Background:
    Given a fresh person of nationality RU in KZ
    And military.state is RU

  Scenario: A deserter from Russia's forces has a strong claim in law
    # Source: legal-notes section 4 (Guidelines No. 10: risk of taking part in acts contrary to
    # international law; UNGA ES-11/1 deplored the aggression; CJEU Shepherd).
    Given military.status is officer
    And military.left_service.how is deserted
    And military.left_service.on is 2022-09-26
    When the case is evaluated
    Then rule intl.gl10.scope.deserter holds
    And an outcome of kind asylum is predicted in INTL
    And it cites the UNHCR Guidelines No. 10
    And it cites article 1 part A(2) of the Refugee Convention
    And its confidence is medium
    And its detail decision is qualifies in law

  Scenario: So does a man who did not report when called up
    # Source: legal-notes section 4 (Guidelines No. 10 cover draft evasion).
    Given military.status is reservist
    And military.call_up.kind is mobilisation
    And military.call_up.reported is false
    And military.call_up.received_on is 2022-09-23
    When the case is evaluated
    Then rule intl.gl10.scope.evader holds
    And an outcome of kind asylum is predicted in INTL
    And it comes from rule intl.gl10.unlawful_conflict.evader

  Scenario: The argument rests on the war; a deserter from another state's forces needs more
    # Source: legal-notes section 4 (the unlawful-conflict ground concerns Russia's war against
    # Ukraine).
    Given home_state is BY
    And military.state is BY
    And military.status is officer
    And military.left_service.how is deserted
    When the case is evaluated
    Then rule intl.gl10.scope.deserter holds
    And rule intl.gl10.unlawful_conflict does not apply

  Scenario: After a refusal, the Guidelines are the argument on appeal
    # Source: legal-notes section 4 (Guidelines No. 10; CJEU Shepherd extends protection to support
    # staff) and section 2 (refusals reason that he fled service conditions, not persecution).
    Given military.status is officer
    And military.left_service.how is deserted
    And military.left_service.on is 2022-09-26
    And asylum.applied_on is 2022-09-26
    And asylum.decision.outcome is refused
    When the case is evaluated
    Then an outcome of kind remedy is predicted in INTL
    And it comes from rule intl.gl10.appeal_argument
    And its detail against is the refusal of refugee status

  Scenario Outline: The argument rests on the resolution of 2 March 2022, so not on an act before it
    # Source: legal-notes section 4 (UNGA resolution ES-11/1 of 2 March 2022 deplored the
    # aggression; the unlawful-conflict ground rests on it). Issue 12, point 5.
    Given military.status is contract
    And military.left_service.how is deserted
    And military.left_service.on is <left on>
    When the case is evaluated
    Then rule intl.gl10.scope.deserter holds
    And rule intl.gl10.unlawful_conflict <fate>

    Examples:
      | left on    | fate                                                   |
      | 2022-03-01 | does not apply                                         |
      | 2022-03-02 | holds                                                  |
      | 2022-02    | does not apply                                         |
      | 2022-03    | is undecided                                           |
      | 2022-04    | holds                                                  |

  Scenario: An evader called up before the resolution has no argument resting on it
    # Source: legal-notes section 4 (UNGA ES-11/1, 2 March 2022). Issue 12, point 5.
    Given military.status is reservist
    And military.call_up.kind is conscription
    And military.call_up.reported is false
    And military.call_up.received_on is 2022-03-01
    When the case is evaluated
    Then rule intl.gl10.unlawful_conflict.evader does not apply
    And no outcome of kind asylum is predicted in INTL
