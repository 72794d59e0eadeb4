@intl
Feature: May Kazakhstan punish an asylum seeker for crossing its border illegally?
  Refugee Convention art. 31(1): no penalties for illegal entry on refugees who come directly and
  present themselves without delay. Kazakhstan's Criminal Code has no such exemption, and asylum
  seekers are prosecuted in practice: the article is an argument, not a bar.

  Background:
    Given a fresh person of nationality RU in KZ
    And the facts:
      | path                   | value      |
      | crossing.from          | RU         |
      | crossing.into          | KZ         |
      | crossing.date          | 2022-09-26 |
      | crossing.at_checkpoint | false      |

  Scenario: Asking for asylum at once opens the art. 31 argument, yet the prosecution stands
    # Source: legal-notes section 4 (art. 31(1)) and section 2 (no statutory exemption [U]; asylum
    # seekers are prosecuted in practice).
    Given asylum.applied_on is 2022-09-26
    When the case is evaluated
    Then an outcome of kind remedy is predicted in INTL
    And it cites article 31 part 1 of the Refugee Convention
    And its detail against is prosecution
    And an outcome of kind prosecution is predicted in KZ

  Scenario: Asking days later does not count as without delay
    # Source: legal-notes section 2 (within 24 hours after a forced illegal crossing).
    Given asylum.applied_on is 2022-09-29
    When the case is evaluated
    Then rule intl.rc.31.1 does not apply

  Scenario: With no asylum claim on record, the art. 31 argument is undecided
    # Source: legal-notes section 4. Unknown is not false: no claim recorded leaves art. 31 undecided.
    When the case is evaluated
    Then rule intl.rc.31.1 is undecided
    And the fact asylum.applied_on is listed as needed by rule intl.rc.31.1
