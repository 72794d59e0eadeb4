@kg
Feature: Can Kyrgyzstan detain a Russian on a wanted notice and hand him over?
  The CIS interstate search and the Minsk Convention (which bind Kyrgyzstan), and the reported
  practice of its security services (destination notes, sections 1.5 and 3.4-3.9).

  Background:
    Given a fresh person of nationality RU in KG
    And the facts:
      | path                                    | value                |
      | as_of                                   | 2023-10-16           |
      | crossing.from                           | RU                   |
      | crossing.at_checkpoint                  | true                 |
      | home_proceedings.charges                | [{"article": "205"}] |
      | home_proceedings.wanted_notice.channels | cis_interstate       |

  Scenario: Since June 2023 face recognition finds persons on the CIS wanted list
    # Source: destination notes 3.6 (57 flagged in ten days from 2 June 2023) [KG-b; KG-c].
    When the case is evaluated
    Then an outcome of kind detention is predicted in KG
    And it rests on practice
    And an outcome of kind detention is predicted in INTL
    And it comes from rule intl.minsk.62.custody
    And rule intl.cis-search.party.kg.host holds
    And rule intl.minsk.party.kg.host holds

  Scenario: Before 2 June 2023 no such practice was reported
    # Source: destination notes 3.6 [KG-c].
    Given as_of is 2023-06-01
    When the case is evaluated
    Then rule kg.practice.face_recognition does not apply

  Scenario: A person charged at home may be handed to Russian services without a court
    # Source: destination notes 3.8 (Rozhkov, 30 May 2023; Skoryakin, 16 Oct 2023) [KG-b; KG-d].
    # The charge here is only an example of a criminal charge the sources do not name.
    Given home_proceedings.charges is [{"article": "322"}]
    When the case is evaluated
    Then an outcome of kind removal is predicted in KG
    And it rests on practice
    And its detail type is hand-over without a court
    And an outcome of kind removal is predicted in INTL
    And it comes from rule intl.minsk.56.extradition

  Scenario: Before the first reported hand-over none was known
    # Source: destination notes 3.8 (Rozhkov, 30 May 2023) [KG-b].
    Given home_proceedings.charges is [{"article": "322"}]
    And as_of is 2023-05-29
    When the case is evaluated
    Then rule kg.practice.handover_without_court does not apply
