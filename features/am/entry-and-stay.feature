@am
Feature: Can a Russian enter and stay in Armenia, and what if he crosses outside a checkpoint?
  Armenia's entry rules for Russians, its Law on Foreigners, and its Criminal Code of 2021
  (destination notes, section 2.1-2.6).

  Scenario: On his internal passport he can enter Armenia and stay up to 180 days a year
    # Source: destination notes 2.1 (visa-free, 180 days a year; the internal passport accepted
    # since the agreement of the 24 January talks) [AM-a; AM-z].
    Given a fresh person of nationality RU in AM
    And person.travel_document is internal_passport
    When the case is evaluated
    Then an outcome of kind remedy is predicted in AM
    And it comes from rule am.entry.internal_passport
    And its detail stay_days is 180
    And its confidence is medium

  Scenario: He registers after his first 30 days
    # Source: destination notes 2.2 (exempt from registration for the first 30 days) [AM-z armradio].
    Given a fresh person of nationality RU in AM
    And the facts:
      | path          | value      |
      | as_of         | 2023-01-20 |
      | crossing.into | AM         |
      | crossing.date | 2023-01-01 |
    When the case is evaluated
    Then the deadline of rule am.stay.registration_after_30_days falls on 2023-01-31

  Scenario: Staying without a lawful basis is fined, with deportation and a ban
    # Source: destination notes 2.3 (50,000-100,000 AMD, deportation, ban of at least 1 year) [AM-aa].
    Given a fresh person of nationality RU in AM
    And stay.basis is none
    When the case is evaluated
    Then an outcome of kind administrative_penalty is predicted in AM
    And its detail max_fine_amd is 100000

  Scenario: Immigration detention lasts at most 90 days
    # Source: destination notes 2.5 (Law on Foreigners art. 37) [AM-cc].
    Given a fresh person of nationality RU in AM
    And host_proceedings.detentions is [{"basis": "immigration", "from_on": "2023-02-01"}]
    When the case is evaluated
    Then an outcome of kind detention is predicted in AM
    And it cites article 37 of the AM Law on Foreigners
    And its detail limit_days is 90

  Scenario: Crossing outside a checkpoint can be prosecuted, but the article is not verified
    # Source: destination notes 2.6 (the 2021 Code's article and penalty not found) [U].
    Given a fresh person of nationality RU in AM
    And the facts:
      | path                   | value      |
      | crossing.into          | AM         |
      | crossing.date          | 2023-01-01 |
      | crossing.at_checkpoint | false      |
    When the case is evaluated
    Then an outcome of kind prosecution is predicted in AM
    And its confidence is low
    And its detail penalty is not verified

  Scenario: No Kazakh rule holds or waits for a person in Armenia
    # Source: issue 11 (every national rule tests its state's role).
    Given the case in "seeds/zhilin.yaml"
    And host_state is AM
    And crossing.into is AM
    When the case is evaluated
    Then no outcome of kind sentence is predicted
    And rule kz.cc.392.1 does not apply
    And rule kz.cpc.587.wanted_notice does not apply
    And rule kz.refugees.decision.refused does not apply
