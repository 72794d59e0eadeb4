@uz
Feature: Is entering Uzbekistan outside a checkpoint a crime?
  Criminal Code art. 223 punishes illegal entry (up to 10 years by one undated report); a foreigner
  who breaks the border regime administratively is deported only if he does not pay the fine.

  Background:
    Given a fresh person of nationality RU in UZ
    And crossing.into is UZ

  Scenario: Crossing outside a checkpoint can be prosecuted under art. 223
    # Source: destination notes section 5.4 (CC art. 223; penalty raised to up to 10 years by an
    # undated amendment, current penalty [U]; uz-d).
    Given crossing.at_checkpoint is false
    When the case is evaluated
    Then an outcome of kind prosecution is predicted in UZ
    And it comes from rule uz.cc.223
    And it cites article 223 of the UZ Criminal Code
    And its confidence is low
    And its detail max_years is 10
    And an outcome of kind administrative_penalty is predicted in UZ
    And it comes from rule uz.aoc.224-1.border_regime
    And its detail entry_ban_years is 1

  Scenario: A lawful entry is neither prosecuted nor fined
    # Source: destination notes section 5.4 (uz-d).
    Given crossing.at_checkpoint is true
    When the case is evaluated
    Then rule uz.cc.223 does not apply
    And rule uz.aoc.224-1.border_regime does not apply
