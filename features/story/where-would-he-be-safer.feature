@story
Feature: Where would the officer have been safer?
  On 6 December 2022 Mikhail Zhilin was detained at Astana airport boarding a flight to Armenia
  (legal notes, section 1). `lexcase compare` sets the same person in each destination: the
  crossing's destination and the host state change, and the facts of his Kazakh case (its
  proceedings, the refusal, how he crossed the Kazakh border) are set aside.

  Scenario: In Kazakhstan he was sentenced and faced removal; in Armenia the worst was a police hold
    # Source: legal notes section 1 (Zhilin's case as of 12 December 2022); destination notes 2.12-2.15
    # (Armenian police release deserters after at most 72 hours) [AM-a; AM-b; AM-j] and 1.2 (ECE art. 4).
    Given the case in "seeds/zhilin.yaml"
    When the case is compared across KZ,AM
    Then in KZ the worst outcome is of kind removal
    And in AM the worst outcome is of kind detention
    And in AM rule am.practice.police_hold gives an outcome
    And in AM rule intl.ece.4.military_offences gives an outcome
    And in AM no rule of KZ holds or waits
    And in AM the fact host_proceedings is set aside
    And in AM the fact asylum.decision is set aside
    And in AM the rules' coverage is partial

  Scenario: A destination lexcase has no rules for is shown as not covered, not as safe
    # Source: issue 11 (never silent about a state without rules).
    Given the case in "seeds/zhilin.yaml"
    When the case is compared across AM,DE
    Then in DE the rules' coverage is none
    And in DE no rule of KZ holds or waits
