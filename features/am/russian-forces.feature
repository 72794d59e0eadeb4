@am
Feature: Can Russian forces in Armenia seize a deserter?
  Reported seizures by Russian military police of the 102nd base in Gyumri (destination notes,
  sections 2.17-2.19). Practice, not law: no Armenian procedure was followed, so no legal bar
  stops it.

  Background:
    Given a fresh person of nationality RU in AM
    And the facts:
      | path                      | value      |
      | military.state            | RU         |
      | military.status           | mobilised  |
      | military.left_service.how | deserted   |
      | military.left_service.on  | 2023-11-30 |

  Scenario: From December 2023 seizures of deserters by Russian military police are reported
    # Source: destination notes 2.17-2.18 (Setrakov, 6-7 Dec 2023; Shchetin, April 2024) [AM-c; AM-d; AM-f; AM-i].
    Given as_of is 2023-12-06
    When the case is evaluated
    Then an outcome of kind removal is predicted in AM
    And it rests on practice
    And its confidence is medium
    And its detail type is seizure by Russian military police

  Scenario: Before the first report, none was known
    # Source: destination notes 2.13 (before Setrakov, deserters were released by the police) [AM-d].
    Given as_of is 2023-12-05
    When the case is evaluated
    Then rule am.practice.seizure_by_russian_military_police does not apply

  Scenario: A pending asylum claim bars expulsion in law, not a seizure outside the law
    # Source: destination notes 2.23-2.24 (no expulsion before the final decision) [AM-n; AM-p].
    Given the facts:
      | path                                    | value                |
      | as_of                                   | 2024-06-01           |
      | asylum.applied_on                       | 2024-01-10           |
      | home_proceedings.charges                | [{"article": "322"}] |
    When the case is evaluated
    Then rule am.refugees.claim_pending holds
    And rule intl.ece.extradition.ordinary_charge is defeated by am.refugees.claim_pending
    And rule am.practice.seizure_by_russian_military_police holds
