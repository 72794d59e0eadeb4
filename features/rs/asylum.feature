@rs
Feature: What becomes of a Russian deserter's asylum claim in Serbia?
  The first-instance decision is due within 3 months; an asylum NGO's head said in 2022 that
  evading military service alone does not ground asylum in Serbia.

  Background:
    Given a fresh person of nationality RU in RS
    And asylum.applied_on is 2023-03-01

  Scenario: The first-instance decision is due three months after the claim
    # Source: destination notes section 7.4 (decision within 3 months, extendable; rs-d AIDA).
    When the case is evaluated as of 2023-03-15
    Then the deadline of rule rs.asylum.decision_due falls on 2023-06-01
    And the deadline of rule rs.asylum.decision_due is running with 78 days left

  Scenario: A deserter's claim is likely to be refused
    # Source: destination notes section 7.4 (18 Russian applicants Jan-Sep 2022; evasion alone not
    # a ground; rs-d).
    Given military.left_service.how is deserted
    When the case is evaluated
    Then an outcome of kind asylum is predicted in RS
    And it comes from rule rs.asylum.practice.evasion_not_a_ground
    And it rests on practice
    And its confidence is low
    And its detail decision is refused

  Scenario: A claim not related to military service is not predicted to fail
    # Source: destination notes section 7.4 (the statement concerns evasion of military duty).
    Given the facts:
      | path                      | value      |
      | military.left_service.how | discharged |
      | military.call_up.reported | true       |
    When the case is evaluated
    Then rule rs.asylum.practice.evasion_not_a_ground does not apply

  Scenario Outline: A recorded decision replaces the prediction
    # Source: destination notes section 7.4 (rs-d); a decision on record is a fact, not a prediction.
    Given military.left_service.how is deserted
    And asylum.decision.outcome is <outcome>
    And asylum.decision.on is 2023-05-15
    When the case is evaluated
    Then rule rs.asylum.practice.evasion_not_a_ground is defeated by <rule>
    And an outcome of kind asylum is predicted in RS
    And it comes from rule <rule>
    And it rests on law

    Examples:
      | outcome | rule                      |
      | refused | rs.asylum.decision.refused |
      | granted | rs.asylum.decision.granted |

  Scenario: Once granted, the Refugee Convention bars his return
    # Source: destination notes section 7.4 (rs-d) and legal-notes section 4 (art. 33(1)).
    Given asylum.decision.outcome is granted
    And asylum.decision.on is 2023-05-15
    And home_proceedings.charges is [{"article": "322", "opened_on": "2023-03-02"}]
    When the case is evaluated
    Then an outcome of kind protection is predicted
    And it comes from rule intl.rc.33.1
    And rule intl.ece.extradition.ordinary_charge is defeated by intl.rc.33.1
