@ge
Feature: Can Georgia extradite a Russian deserter?
  The European Convention on Extradition (in force for Georgia since 13 September 2001), Georgia's
  reservation and Law on International Cooperation, and its reported practice (destination notes,
  sections 1 and 4.5-4.11).

  Background:
    Given a fresh person of nationality RU in GE
    And the facts:
      | path                                    | value                                   |
      | as_of                                   | 2024-03-01                              |
      | military.state                          | RU                                      |
      | military.status                         | contract                                |
      | military.left_service.how               | deserted                                |
      | military.left_service.on                | 2023-09-01                              |
      | home_proceedings.charges                | [{"article": "338"}, {"article": "322"}] |
      | home_proceedings.wanted_notice.channels | interpol                                |

  Scenario: The ordinary charge can ground extradition, and Georgia has extradited Russians for ordinary crimes
    # Source: destination notes 1.2 (322 is outside ECE art. 4); 4.8 (Sumbayev 2019; two in 2020) [GE-e; GE-f].
    When the case is evaluated
    Then an outcome of kind removal is predicted in INTL
    And it comes from rule intl.ece.extradition.ordinary_charge
    And an outcome of kind removal is predicted in GE
    And it rests on practice
    And an outcome of kind protection is predicted in INTL
    And it comes from rule intl.ece.4.military_offences
    And an outcome of kind remedy is predicted in GE
    And it comes from rule ge.lic.29.1.political_opinion
    And an outcome of kind remedy is predicted in GE
    And it comes from rule ge.ece.reservation.humanitarian
    And rule intl.echr.party.ge.host holds

  Scenario: Before 13 September 2001 the European Convention did not bind Georgia
    # Source: destination notes 4.5 (in force 13 Sep 2001) [GE-d].
    Given as_of is 2001-09-12
    When the case is evaluated
    Then rule intl.ece.party.ge.host does not apply
    And rule intl.ece.extradition.ordinary_charge does not apply

  Scenario: From 13 September 2001 it did
    # Source: destination notes 4.5 [GE-d].
    Given as_of is 2001-09-13
    When the case is evaluated
    Then rule intl.ece.party.ge.host holds
    And rule intl.ece.party.ru.home holds
    And an outcome of kind removal is predicted in INTL
    # No surer than Russia's row of the treaty table, whose date and status the notes leave open.
    And its confidence is low

  Scenario: Recognised, he is protected from return
    # Source: destination notes 4.14 (2011 law art. 21(3)) [GE-g].
    Given asylum.applied_on is 2023-09-10
    And asylum.decision is {"outcome": "granted", "on": "2024-02-01"}
    When the case is evaluated
    Then rule ge.refugees.non_refoulement holds
    And rule ge.practice.extradites_ordinary_crimes is defeated by ge.refugees.non_refoulement
    And rule ge.practice.deserter_precedent_2009 is defeated by ge.protection.decision.granted
    And rule intl.refugee-convention.party.ge.host holds
    And rule intl.cat.party.ge.host holds
