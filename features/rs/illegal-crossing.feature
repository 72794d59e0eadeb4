@rs
Feature: Is crossing into Serbia outside a checkpoint a crime?
  Criminal Code art. 350 covers illegal crossing; the penalty for a simple crossing is not in the
  notes, so lexcase names the article and says the maximum is not verified.

  Background:
    Given a fresh person of nationality RU in RS
    And crossing.into is RS

  Scenario: Crossing outside a checkpoint can be prosecuted under art. 350
    # Source: destination notes section 7.2 (CC art. 350; simple-crossing maximum [U]; rs-b).
    Given crossing.at_checkpoint is false
    When the case is evaluated
    Then an outcome of kind prosecution is predicted in RS
    And it comes from rule rs.cc.350
    And it cites article 350 of the RS Criminal Code
    And its confidence is low
    And its detail penalty is not verified (the article's parts ranged from 3 months to 12 years in 2016, mostly for smuggling)

  Scenario: A lawful entry at a checkpoint is not prosecuted
    # Source: destination notes section 7.2 (rs-b).
    Given crossing.at_checkpoint is true
    When the case is evaluated
    Then rule rs.cc.350 does not apply
    And no outcome of kind prosecution is predicted in RS
