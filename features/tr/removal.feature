@tr
Feature: What does Turkey do with a Russian who entered irregularly or is wanted by Russia?
  No criminal offence for the entrant was found: Turkey deports, with the entry-restriction code
  C-113, and the order can be challenged in the administrative court within 7 days. A Russian held
  at the initiative of Interpol's national bureau was expelled in 2025.

  Background:
    Given a fresh person of nationality RU in TR

  Scenario: An irregular entrant is deported, not prosecuted
    # Source: destination notes section 8.2 (code C-113; LFIP arts. 52-60, decided within 48 hours;
    # no criminal offence for the entrant found; tr-c).
    Given crossing.into is TR
    And crossing.at_checkpoint is false
    When the case is evaluated
    Then an outcome of kind removal is predicted in TR
    And it comes from rule tr.lfip.52.deportation
    And its detail restriction_code is C-113
    And no outcome of kind prosecution is predicted in TR
    And an outcome of kind remedy is predicted in TR
    And it comes from rule tr.lfip.deportation.court_challenge
    And its detail deadline_days is 7

  Scenario: A lawful entrant is not deported for his entry
    # Source: destination notes section 8.2 (tr-c).
    Given crossing.into is TR
    And crossing.at_checkpoint is true
    When the case is evaluated
    Then rule tr.lfip.52.deportation does not apply

  Scenario: On an international wanted notice he risks expulsion, as reported once
    # Source: destination notes section 8.5 (Filippov, expelled September 2025 after a detention
    # initiated by Interpol's national bureau; tr-d).
    Given home_proceedings.wanted_notice.international is true
    When the case is evaluated
    Then an outcome of kind removal is predicted in TR
    And it comes from rule tr.practice.expulsion_after_interpol_detention
    And it rests on practice
    And its confidence is low
