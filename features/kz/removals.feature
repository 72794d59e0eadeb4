@kz
Feature: Has he been removed, and what does a removal on record replace?
  A removal that has happened (an expulsion or deportation carried out, an extradition, a hand-over
  to the home state's agents) is an outcome on record, like a sentence on record: it replaces the
  predictions of a removal. Since early 2026 returns of deserters are reported. Issue 12, point 4.

  Background:
    Given a fresh person of nationality RU in KZ
    And the facts:
      | path                                         | value                |
      | crossing.from                                | RU                   |
      | crossing.into                                | KZ                   |
      | crossing.date                                | 2022-09-26           |
      | crossing.at_checkpoint                       | false                |
      | home_proceedings.charges                     | [{"article": "322"}] |
      | home_proceedings.wanted_notice.international | true                 |

  Scenario Outline: A removal carried out is on record and replaces the predictions
    # Source: legal-notes section 1 (Zhilin handed to Russian border guards on 29 Dec 2022, a
    # deportation executing the expulsion); docs/sources.md euronews-2026-02-03 (Bazhukov handed
    # to Russian servicemen on 2 Feb 2026); legal-notes section 2 (extraditions to Russia).
    Given removal is {"type": "<type>", "on": "2026-02-02", "destination": "RU"}
    When the case is evaluated
    Then an outcome of kind removal is predicted in KZ
    And it comes from rule <rule>
    And its detail status is carried out
    And rule kz.cc.392.1.expulsion is defeated by <rule>
    And rule kz.cpc.extradition.practice is defeated by <rule>

    Examples:
      | type        | rule                               |
      | deportation | kz.removal.carried_out.expulsion   |
      | expulsion   | kz.removal.carried_out.expulsion   |
      | extradition | kz.removal.carried_out.extradition |
      | handover    | kz.removal.carried_out.handover    |

  Scenario: Seen before the removal, it is predicted
    # Source: as above; the removal of 2 February 2026 is not yet on record on 1 February.
    Given removal is {"type": "handover", "on": "2026-02-02", "destination": "RU"}
    When the case is evaluated as of 2026-02-01
    Then rule kz.removal.carried_out.handover does not apply
    And an outcome of kind removal is predicted in KZ
    And it comes from rule kz.cpc.extradition.practice

  Scenario Outline: Since early 2026 deserters are returned in practice, asylum seekers among them
    # Source: docs/sources.md euronews-2026-02-03, zona-2026-02-12, svoboda-2026-02-19 (returns of
    # deserters and asylum seekers from late January 2026) [low confidence: a reported change of
    # practice].
    Given military.left_service.how is deserted
    When the case is evaluated as of <day>
    Then rule kz.practice.returns_of_asylum_seekers <fate>

    Examples:
      | day        | fate           |
      | 2025-12-31 | does not apply |
      | 2026-01-01 | holds          |
