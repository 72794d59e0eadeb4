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

  Scenario: On an Interpol notice he can be held, and risks expulsion, as reported once
    # Source: destination notes section 8.5 (Filippov, expelled September 2025 after a detention
    # initiated by Interpol's national bureau; tr-d) and section 1.1 (ECE art. 16: 18 and 40 days).
    Given home_proceedings.wanted_notice.channels is interpol
    When the case is evaluated
    Then an outcome of kind removal is predicted in TR
    And it comes from rule tr.practice.expulsion_after_interpol_detention
    And it rests on practice
    And its confidence is low
    And an outcome of kind detention is predicted in TR
    And it comes from rule tr.practice.interpol_detention
    And an outcome of kind detention is predicted
    And it comes from rule intl.ece.16.provisional_arrest
    And its detail limit_days is 40

  Scenario: A notice resting on desertion alone can be challenged at Interpol
    # Source: destination notes section 1.4 (Interpol art. 3; desertion a military offence; x-h,
    # x-g) and section 8.5 (tr-d).
    Given the facts:
      | path                                      | value                                            |
      | home_proceedings.wanted_notice.channels   | interpol                                         |
      | home_proceedings.charges                  | [{"article": "338", "opened_on": "2023-03-02"}] |
      | military.state                            | RU                                               |
      | military.status                           | mobilised                                        |
      | military.left_service.how                 | deserted                                         |
      | military.left_service.on                  | 2023-01-10                                       |
    When the case is evaluated
    Then an outcome of kind remedy is predicted
    And it comes from rule intl.interpol.3.military

  Scenario: Held in provisional arrest on 1 March 2023, the request is due within 18 days and the arrest ends by 40
    # Source: destination notes section 1.1 (ECE art. 16(4); x-a) and section 8.4 (ECE between
    # Turkey and Russia).
    Given host_proceedings.detentions is [{"basis": "extradition_custody", "from_on": "2023-03-01"}]
    When the case is evaluated as of 2023-03-10
    Then the deadline of rule intl.ece.16.request_due_18_days falls on 2023-03-19
    And the deadline of rule intl.ece.16.request_due_40_days falls on 2023-04-10
    And the deadline of rule intl.ece.16.request_due_40_days is running with 31 days left
