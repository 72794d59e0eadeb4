@tr
Feature: Can a Russian get refugee status in Turkey, and can Turkey extradite him?
  Turkey keeps the 1951 Convention's geographical limitation; how it classes Russians since Russia
  left the Council of Europe is not known. Turkey and Russia are parties to the European Convention
  on Extradition.

  Background:
    Given a fresh person of nationality RU in TR

  Scenario: The geographical limitation leaves his status uncertain
    # Source: destination notes section 8.3 (full refugee status only for people from Council of
    # Europe states; Russians after 2022 [U]; tr-b).
    Given asylum.applied_on is 2023-03-01
    When the case is evaluated
    Then an outcome of kind asylum is predicted in TR
    And it comes from rule tr.lfip.geographical_limitation
    And its confidence is low
    And its detail decision is undetermined

  Scenario: On an ordinary charge Russia can request his extradition
    # Source: destination notes section 8.4 (ECE, both parties) and section 1.2 (RU CC 322 is an
    # ordinary offence).
    Given home_proceedings.charges is [{"article": "322", "opened_on": "2023-03-02"}]
    When the case is evaluated
    Then an outcome of kind removal is predicted in TR
    And it comes from rule tr.extradition.ordinary_charge
    And its detail type is extradition

  Scenario: A charge of desertion alone does not bring this path
    # Source: destination notes section 1.2 (desertion is a purely military offence).
    Given home_proceedings.charges is [{"article": "338", "opened_on": "2023-03-02"}]
    When the case is evaluated
    Then rule tr.extradition.ordinary_charge does not apply
