@ge
Feature: Would Georgia protect a Russian deserter?
  The Law on International Protection (new version of 26 June 2025, described by UNHCR) and the
  reported practice (destination notes, sections 4.9 and 4.12-4.14).

  Background:
    Given a fresh person of nationality RU in GE
    And the facts:
      | path                      | value      |
      | as_of                     | 2024-03-01 |
      | military.state            | RU         |
      | military.status           | officer    |
      | military.left_service.how | deserted   |
      | military.left_service.on  | 2023-09-01 |
      | asylum.applied_on         | 2023-09-10 |

  Scenario: The only precedent is from 2009: the outcome is uncertain
    # Source: destination notes 4.9 (Glukhov, 2009) [GE-l]; 4.13 (49 Russian applicants H1 2023) [GE-j].
    When the case is evaluated
    Then an outcome of kind asylum is predicted in GE
    And it rests on practice
    And its confidence is low
    And its detail decision is uncertain

  Scenario: A refusal is appealed within 10 days, and the appeal suspends removal in the regular procedure
    # Source: destination notes 4.12 (UNHCR: 10 days, suspensive in the regular procedure; 15 days
    # under a 2015 amendment) [GE-h; GE-m].
    Given asylum.decision is {"outcome": "refused", "on": "2024-01-10"}
    And asylum.appeal is {"filed_on": "2024-01-15"}
    When the case is evaluated
    Then rule ge.practice.deserter_precedent_2009 is defeated by ge.protection.decision.refused
    And the deadline of rule ge.protection.appeal_deadline is met on 2024-01-15
    And an outcome of kind protection is predicted in GE
    And it comes from rule ge.protection.appeal_suspends
    And its confidence is low

  Scenario: With a risk of torture he cannot be removed, and the European Court can stop a removal
    # Source: destination notes 4.6 (Constitution art. 33) and 1 (ECHR art. 3).
    Given risk_on_return.torture is true
    And home_proceedings.charges is [{"article": "322"}]
    When the case is evaluated
    Then rule intl.echr.3 holds
    And rule ge.practice.extradites_ordinary_crimes is defeated by intl.echr.3
