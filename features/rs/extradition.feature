@rs
Feature: Can Serbia extradite him to Russia?
  Serbia and Russia are parties to the European Convention on Extradition. Belgrade courts have
  approved a Russian's extradition for an ordinary crime, and the Justice Minister, who decides
  without appeal, seldom refuses. No Russian deserter's case in Serbia is reported.

  Background:
    Given a fresh person of nationality RU in RS

  Scenario: An ordinary charge such as illegal exit can lead to extradition
    # Source: destination notes section 7.3 (Lagovsky, December 2025; rs-c) and section 1.2
    # (RU CC 322 is an ordinary offence, outside ECE art. 4).
    Given home_proceedings.charges is [{"article": "322", "opened_on": "2023-03-02"}]
    When the case is evaluated
    Then an outcome of kind removal is predicted in RS
    And it comes from rule rs.extradition.ordinary_charge
    And it rests on practice
    And its detail type is extradition

  Scenario: A charge of desertion alone does not bring this path
    # Source: destination notes section 1.2 (desertion, RU CC 338, is a purely military offence).
    Given home_proceedings.charges is [{"article": "338", "opened_on": "2023-03-02"}]
    When the case is evaluated
    Then rule rs.extradition.ordinary_charge does not apply
