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

  Scenario: A charge of desertion alone, after a lawful exit, cannot ground extradition (ECE art. 4)
    # Source: destination notes section 1.2 (ECE art. 4: purely military offences; desertion,
    # RU CC 338, is one) and section 7.3 (ECE between Serbia and Russia). No deserter case in
    # Serbia is reported.
    Given the facts:
      | path                       | value                                            |
      | home_proceedings.charges   | [{"article": "338", "opened_on": "2023-03-02"}] |
      | military.state             | RU                                               |
      | military.status            | mobilised                                        |
      | military.left_service.how  | deserted                                         |
      | military.left_service.on   | 2023-01-10                                       |
      | crossing.from              | RU                                               |
      | crossing.at_checkpoint     | true                                             |
    When the case is evaluated
    Then rule rs.extradition.ordinary_charge does not apply
    And an outcome of kind protection is predicted
    And it comes from rule intl.ece.4.military_offences
    And rule intl.ece.party.rs.host holds

  Scenario: Extradited for illegal exit, he may be tried only for it (speciality)
    # Source: destination notes section 1.2 (a 322 count can carry an extradition a bare 337/338
    # count could not; ECE art. 14 speciality named in section 4.8) and section 7.3.
    Given the facts:
      | path                       | value                                                                                  |
      | home_proceedings.charges   | [{"article": "338", "opened_on": "2023-03-02"}, {"article": "322", "opened_on": "2023-03-02"}] |
      | military.state             | RU                                                                                     |
      | military.status            | mobilised                                                                              |
      | military.left_service.how  | deserted                                                                               |
      | military.left_service.on   | 2023-01-10                                                                             |
    When the case is evaluated
    Then an outcome of kind remedy is predicted
    And it comes from rule intl.ece.14.speciality
    And an outcome of kind removal is predicted in RS
    And it comes from rule rs.extradition.ordinary_charge
