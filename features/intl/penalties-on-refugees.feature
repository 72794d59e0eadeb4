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

  Scenario Outline: A claim after the Kazakh 24 hours still has the art. 31 argument, weaker, and says why
    # Source: legal-notes section 4 (art. 31(1): "without delay", which the Convention does not
    # count in hours) and section 2 (the Kazakh limit: within 24 hours after a forced illegal
    # crossing). Issue 12, point 5: the argument is the Convention's own, not the Kazakh rule.
    Given asylum.applied_on is <claimed on>
    When the case is evaluated
    Then an outcome of kind remedy is predicted in INTL
    And it cites article 31 part 1 of the Refugee Convention
    And it comes from rule <rule>
    And its detail strength is <strength>

    Examples:
      | claimed on | rule                       | strength |
      | 2022-09-27 | intl.rc.31.1               | strong   |
      | 2022-09-28 | intl.rc.31.1.later_claim   | weaker   |
      | 2022-10-26 | intl.rc.31.1.later_claim   | weaker   |

  Scenario: With no asylum claim on record, the art. 31 argument is undecided
    # Source: legal-notes section 4. Unknown is not false: no claim recorded leaves art. 31 undecided.
    When the case is evaluated
    Then rule intl.rc.31.1 is undecided
    And the fact asylum.applied_on is listed as needed by rule intl.rc.31.1
