@am
Feature: Can Armenia hold a Russian deserter on Russia's wanted notice and hand him over?
  Armenia's Constitution art. 55, the treaties binding it (European Convention on Extradition from
  25 April 2002, Minsk Convention, CIS interstate search), and its reported practice
  (destination notes, sections 1 and 2.7-2.19).

  Background:
    Given a fresh person of nationality RU in AM
    And the facts:
      | path                                         | value                         |
      | as_of                                        | 2024-06-01                    |
      | military.state                               | RU                            |
      | military.status                              | mobilised                     |
      | military.left_service.how                    | deserted                      |
      | military.left_service.on                     | 2023-11-30                    |
      | home_proceedings.charges                     | [{"article": "338"}]          |
      | home_proceedings.wanted_notice.international | true                          |
      | home_proceedings.wanted_notice.channels      | cis_interstate                |

  Scenario: The police hold him on the wanted notice for hours, at most 72, then release him
    # Source: destination notes 2.12-2.15 (Yuri T. 2023, Subbotin 72 hours, Zonov 2025) [AM-a; AM-b; AM-j; AM-l].
    When the case is evaluated
    Then an outcome of kind detention is predicted in AM
    And it rests on practice
    And its detail limit_hours is 72
    And an outcome of kind detention is predicted in INTL
    And it comes from rule intl.cis-search.detention

  Scenario: The treaties' limits on custody pending a request: 18 and 40 days, and 40 under Minsk
    # Source: destination notes 1.1 (ECE art. 16(4)) [X-a]; legal notes section 4 (Minsk art. 62).
    When the case is evaluated
    Then an outcome of kind detention is predicted in INTL
    And it comes from rule intl.ece.16.provisional_arrest
    And its detail may_end_after_days is 18
    And its detail limit_days is 40
    And an outcome of kind detention is predicted in INTL
    And it comes from rule intl.minsk.62.custody

  Scenario: Provisional arrest on record: the request is due within 18 days, and arrest never exceeds 40
    # Source: destination notes 1.1 (ECE art. 16(4)) [X-a].
    Given host_proceedings.detentions is [{"basis": "extradition_custody", "from_on": "2024-05-20"}]
    When the case is evaluated
    Then the deadline of rule intl.ece.16.request_due_18_days falls on 2024-06-07
    And the deadline of rule intl.ece.16.request_due_40_days falls on 2024-06-29
    And the deadline of rule intl.minsk.62.request_due falls on 2024-06-29

  Scenario: A desertion charge alone cannot ground extradition under the European Convention
    # Source: destination notes 1.2 (ECE art. 4: purely military offences) [X-b]. He left Russia
    # through a checkpoint, so no charge of illegal crossing (RU CC 322) is predicted either.
    Given the facts:
      | path                   | value      |
      | crossing.from          | RU         |
      | crossing.at_checkpoint | true       |
    When the case is evaluated
    Then an outcome of kind protection is predicted in INTL
    And it comes from rule intl.ece.4.military_offences
    And no outcome of kind removal is predicted in INTL
    And rule intl.ece.extradition.ordinary_charge does not apply

  Scenario: An added charge of illegal border crossing (RU CC 322) is ordinary and stays extraditable
    # Source: destination notes 1.2 and 11 (322 is outside art. 4) [X-b]; practice: Armenia
    # refused 305 Russian requests in 2020-24 [AM-k].
    Given home_proceedings.charges is [{"article": "338"}, {"article": "322"}]
    When the case is evaluated
    Then an outcome of kind removal is predicted in INTL
    And it comes from rule intl.ece.extradition.ordinary_charge
    And an outcome of kind removal is predicted in INTL
    And it comes from rule intl.minsk.56.extradition
    And an outcome of kind protection is predicted in INTL
    And it comes from rule intl.ece.4.military_offences
    And an outcome of kind remedy is predicted in INTL
    And it comes from rule intl.ece.14.speciality
    And an outcome of kind protection is predicted in AM
    And it comes from rule am.practice.requests_refused
    And an outcome of kind remedy is predicted in INTL
    And it comes from rule intl.echr.rule39.interim_measure

  Scenario: Before 25 April 2002 the European Convention did not bind Armenia
    # Source: destination notes 2.8 (in force for Armenia since 25 April 2002) [AM-w].
    Given as_of is 2002-04-24
    When the case is evaluated
    Then rule intl.ece.4.military_offences does not apply
    And rule intl.ece.party.am.host does not apply

  Scenario: On 25 April 2002 it did
    # Source: destination notes 2.8 [AM-w].
    Given as_of is 2002-04-25
    When the case is evaluated
    Then rule intl.ece.party.am.host holds
    And rule intl.ece.4.military_offences holds

  Scenario: A risk of torture bars expulsion and extradition under the Constitution and the treaties
    # Source: destination notes 2.7 (Constitution art. 55) [AM-u]; 2.16 (ECHR art. 3) [AM-x].
    Given home_proceedings.charges is [{"article": "338"}, {"article": "322"}]
    And risk_on_return.torture is true
    When the case is evaluated
    Then an outcome of kind protection is predicted in AM
    And it cites article 55 of the AM Constitution
    And rule intl.ece.extradition.ordinary_charge is defeated by am.constitution.55.torture
    And rule intl.echr.3 holds
    And rule intl.cat.3.1 holds

  Scenario: An Armenian citizen is extradited only under a ratified treaty
    # Source: destination notes 2.7 (Constitution art. 55) [AM-u].
    Given person.nationalities is RU,AM
    When the case is evaluated
    Then an outcome of kind protection is predicted in AM
    And it comes from rule am.constitution.55.citizens

  Scenario: Interpol's filter does not stop the CIS notice, and a notice through Interpol can be challenged
    # Source: destination notes 1.4-1.5 (Interpol art. 3; the CIS search bypasses it) [X-g; X-h; X-i].
    Given home_proceedings.wanted_notice.channels is interpol,cis_interstate
    When the case is evaluated
    Then an outcome of kind remedy is predicted in INTL
    And it comes from rule intl.interpol.3.military
    And an outcome of kind detention is predicted in INTL
    And it comes from rule intl.cis-search.detention
