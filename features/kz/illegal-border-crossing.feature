@kz
Feature: Is crossing into Kazakhstan outside a checkpoint a crime, and what sentence follows?
  KZ Criminal Code art. 392(1) in its text to 16 September 2025 and from 17 September 2025, the
  sentence courts impose in reported practice, and the expulsion of a foreigner.

  Background:
    Given a fresh person of nationality RU in KZ
    And the facts:
      | path                   | value      |
      | crossing.from          | RU         |
      | crossing.into          | KZ         |
      | crossing.date          | 2022-09-26 |
      | crossing.at_checkpoint | false      |

  Scenario: Crossing outside a checkpoint is prosecuted under art. 392(1)
    # Source: legal-notes section 2, KZ CC art. 392 part 1 (text 2015 to 16 Sep 2025): a fine of
    # up to 1,000 MRP or up to 1 year, with expulsion of a foreigner for 5 years.
    When the case is evaluated
    Then an outcome of kind prosecution is predicted in KZ
    And it cites article 392 part 1 of the KZ Criminal Code
    And it rests on law
    And its detail max_months is 12
    And its detail max_fine_mrp is 1000
    And its detail expulsion_years is 5

  Scenario: Crossing at a checkpoint is no crime
    # Source: legal-notes section 1 (the wife and the civilians crossed lawfully) and section 2.
    Given crossing.at_checkpoint is true
    When the case is evaluated
    Then no outcome of kind prosecution is predicted
    And no outcome of kind sentence is predicted

  Scenario Outline: The text in force on the day of the crossing decides the offence
    # Source: legal-notes section 2 (art. 392 amended from 17 Sep 2025: up to 2,000 MRP or 3 years;
    # whether expulsion stays mandatory is unverified [U], hence low confidence).
    Given crossing.date is <crossed on>
    When the case is evaluated
    Then rule <rule> holds
    And an outcome of kind prosecution is predicted in KZ
    And its detail max_fine_mrp is <max fine>
    And its confidence is <confidence>

    Examples:
      | crossed on | rule                  | max fine | confidence |
      | 2025-09-16 | kz.cc.392.1           | 1000     | high       |
      | 2025-09-17 | kz.cc.392.1.text_2025 | 2000     | low        |

  Scenario: Under the text from 17 September 2025 only the range is known, and no expulsion is predicted
    # Source: legal-notes section 2 (no practice under the new text is reported; expulsion [U]).
    Given crossing.date is 2025-10-01
    When the case is evaluated
    Then an outcome of kind sentence is predicted in KZ
    And it comes from rule kz.cc.392.1.text_2025.sentence.range
    And its confidence is low
    And its detail max_years is 3
    And rule kz.cc.392.1.expulsion does not apply

  Scenario: A first offender gets six months, conditional, in reported practice
    # Source: legal-notes section 2 (CC art. 63 conditional sentence; reported practice under
    # art. 392(1) for first offenders: 6 months conditional; Reuters 7 Dec 2022, kursiv 14 Dec 2022).
    Given person.prior_convictions is 0
    When the case is evaluated
    Then an outcome of kind sentence is predicted in KZ
    And it rests on practice
    And it cites article 63 of the KZ Criminal Code
    And its detail disposition is conditional
    And its detail likely_months is 6
    And rule kz.cc.392.1.sentence.range is defeated by kz.cc.392.1.sentence.practice

  Scenario: The reported practice does not cover a repeat offender, who faces the statutory range
    # Source: legal-notes section 2 (the practice is reported for first offenders only).
    Given person.prior_convictions is 1
    When the case is evaluated
    Then an outcome of kind sentence is predicted in KZ
    And it rests on law
    And it comes from rule kz.cc.392.1.sentence.range
    And its detail disposition is imprisonment_or_fine
    And rule kz.cc.392.1.sentence.practice is defeated by kz.cc.392.1.sentence.repeat_offender

  Scenario: A foreigner's sentence carries his expulsion for 5 years
    # Source: legal-notes section 2 (art. 392(1): with expulsion of a foreigner for 5 years).
    When the case is evaluated
    Then an outcome of kind removal is predicted in KZ
    And it comes from rule kz.cc.392.1.expulsion
    And its detail type is expulsion
    And its detail destination is RU
    And its detail ban_years is 5

  Scenario: A citizen of Kazakhstan is prosecuted but not expelled
    # Source: legal-notes section 2 (expulsion is of a foreigner; the reported sentences were of
    # foreigners, so a citizen faces the statutory range).
    Given person.nationalities is RU,KZ
    When the case is evaluated
    Then an outcome of kind prosecution is predicted in KZ
    And no outcome of kind removal is predicted in KZ
    And rule kz.cc.392.1.expulsion does not apply
    And rule kz.cc.392.1.sentence.practice does not apply
    And an outcome of kind sentence is predicted in KZ
    And it comes from rule kz.cc.392.1.sentence.range

  Scenario: A court that has ordered expulsion replaces the prediction
    # Source: legal-notes section 1 (2 Dec 2022: the Semey court imposed expulsion).
    Given host_proceedings.sentence.expulsion is true
    And host_proceedings.sentence.on is 2022-12-02
    When the case is evaluated
    Then an outcome of kind removal is predicted in KZ
    And its detail status is ordered
    And its detail ordered_on is 2022-12-02
    And rule kz.cc.392.1.expulsion is defeated by kz.cc.392.1.expulsion.ordered.length_by_law

  Scenario: A court that did not impose expulsion leaves no expulsion to predict
    # Source: legal-notes section 2 (courts sometimes do not impose expulsion, as reported for
    # non-Russian defendants).
    Given host_proceedings.sentence.expulsion is false
    When the case is evaluated
    Then no outcome of kind removal is predicted in KZ
    And rule kz.cc.392.1.expulsion.not_imposed holds
    And rule kz.cc.392.1.expulsion is defeated by kz.cc.392.1.expulsion.not_imposed

  Scenario: A sentence on record replaces the predicted one
    # Source: legal-notes section 1 (2 Dec 2022: six months, conditional, Semey city court).
    Given the facts:
      | path                                   | value      |
      | host_proceedings.conviction.article    | 392        |
      | host_proceedings.conviction.on         | 2022-12-02 |
      | host_proceedings.sentence.months       | 6          |
      | host_proceedings.sentence.disposition  | conditional |
      | host_proceedings.sentence.on           | 2022-12-02 |
    When the case is evaluated
    Then an outcome of kind sentence is predicted in KZ
    And its detail status is imposed
    And its detail months is 6
    And rule kz.cc.392.1.sentence.practice is defeated by kz.cc.392.sentence.imposed
    And rule kz.cc.392.1.sentence.range is defeated by kz.cc.392.sentence.imposed
