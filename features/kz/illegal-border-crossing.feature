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

  Scenario Outline: Art. 392(1) has three limbs: outside a checkpoint, false documents, breach of procedure
    # Source: docs/sources.md engime-kz-cc-392 (the Kazakh text of art. 392(1): outside the
    # checkpoints, or at them with false documents or another person's valid documents, or in
    # breach of the established procedure). Issue 12, point 2.
    Given the facts:
      | path                         | value        |
      | crossing.at_checkpoint       | true         |
      | crossing.documents           | <documents>  |
      | crossing.procedure_breached  | <breached>   |
    When the case is evaluated
    Then rule <limb> <fate>
    And rule kz.cc.392.1 <offence>

    Examples:
      | documents        | breached | limb                             | fate           | offence        |
      | false_or_others  | false    | kz.cc.392.1.limb.false_documents | holds          | holds          |
      | foreign_passport | true     | kz.cc.392.1.limb.procedure       | holds          | holds          |
      | foreign_passport | false    | kz.cc.392.1.limb.false_documents | does not apply | does not apply |

  Scenario: A crossing that fits none of the limbs says so
    # Source: docs/sources.md engime-kz-cc-392; legal-notes section 1 (the wife crossed lawfully at
    # the Koyanbay checkpoint). Issue 12, point 2.
    Given the facts:
      | path                         | value             |
      | crossing.at_checkpoint       | true              |
      | crossing.documents           | internal_passport |
      | crossing.procedure_breached  | false             |
    When the case is evaluated
    Then rule kz.cc.392.1.no_limb holds
    And an outcome of kind protection is predicted in KZ
    And it comes from rule kz.cc.392.1.no_limb
    And no outcome of kind prosecution is predicted

  Scenario Outline: Under sixteen at the crossing he is not criminally liable
    # Source: docs/sources.md zakonpravo-kz-cc-15 (art. 15(1): liability from the age of sixteen at
    # the time of the offence; art. 392 is not among the offences of part 2). Issue 12, point 7:
    # the age at the act follows from the birth date.
    Given person.born_on is <born on>
    When the case is evaluated
    Then rule kz.cc.15.1.under_16 <fate>
    And rule kz.cc.392.1 <offence>

    Examples:
      | born on    | fate                                   | offence                                |
      | 2006-09-27 | holds                                  | is defeated by kz.cc.15.1.under_16     |
      | 2006-09-26 | does not apply                         | holds                                  |
      | 2006-10    | holds                                  | is defeated by kz.cc.15.1.under_16     |
      | 2006-09    | is undecided                           | holds                                  |

  Scenario Outline: An age the reports give counts where it settles the age at the crossing
    # Source: docs/sources.md zakonpravo-kz-cc-15; issue 12, point 7 (a reported age). Reported
    # 16 on 1 December 2022: born between 2 December 2005 and 1 December 2006, so on 26 September
    # 2022 he was 15 or 16 - not settled; reported 15 on the day of the crossing: 15.
    Given person.reported_age is {"years": <years>, "on": "<reported on>"}
    When the case is evaluated
    Then rule kz.cc.15.1.under_16 <fate>

    Examples:
      | years | reported on | fate           |
      | 16    | 2022-12-01  | is undecided   |
      | 15    | 2022-09-26  | holds          |
      | 17    | 2022-09-26  | does not apply |

  Scenario: A typed age the birth date contradicts is refused, naming both
    # Source: issue 12, point 7.
    Given person.born_on is 2000-01-01
    Then setting crossing.age to 30 is refused, naming person.born_on
    And setting crossing.age to 22 is accepted

  Scenario: A recorded expulsion without its length takes the 5 years the law fixes
    # Source: legal-notes section 2 (art. 392(1) as worded to 16 Sep 2025: expulsion of a foreigner
    # for 5 years); seeds/zhilin.yaml (the reports give no length). Issue 12, point 3.
    Given host_proceedings.sentence.expulsion is true
    When the case is evaluated
    Then an outcome of kind removal is predicted in KZ
    And it comes from rule kz.cc.392.1.expulsion.ordered.length_by_law
    And its detail ban_years is 5
    And its detail ban_years_from is the law (art. 392(1))

  Scenario: A recorded expulsion with its length is taken as recorded
    # Source: docs/sources.md bureau-kz-2023-05-26 (Sandzhiev: expulsion with a 5-year ban).
    Given host_proceedings.sentence.expulsion is true
    And host_proceedings.sentence.expulsion_years is 5
    When the case is evaluated
    Then rule kz.cc.392.1.expulsion.ordered holds
    And rule kz.cc.392.1.expulsion.ordered.length_by_law does not apply

  Scenario Outline: An appeal court that cancels the expulsion replaces it; one that upholds it does not
    # Source: legal-notes section 2 (courts sometimes do not impose expulsion); issue 12, point 3
    # (an appeal court can cancel it); docs/sources.md rfe-sandzhiev-2023-05 (upheld on appeal).
    Given host_proceedings.sentence.expulsion is true
    And host_proceedings.sentence_appeal is {"decided_on": "2023-05-25", "expulsion": <stands>}
    When the case is evaluated
    Then rule kz.cc.392.1.expulsion.cancelled_on_appeal <cancelled>
    And rule kz.cc.392.1.expulsion.ordered.length_by_law <ordered>

    Examples:
      | stands | cancelled      | ordered                                                        |
      | false  | holds          | is defeated by kz.cc.392.1.expulsion.cancelled_on_appeal       |
      | true   | does not apply | holds                                                          |

  Scenario Outline: The practice rule says for whom expulsion was reported
    # Source: legal-notes section 2 (reported practice: 6 months conditional; courts sometimes do
    # not impose expulsion, reported for non-Russian defendants [V]); docs/sources.md
    # reuters-2022-12-07, bureau-kz-2023-05-26 (Russians expelled). Issue 12, point 3.
    Given home_state is <home>
    And person.nationalities is <home>
    When the case is evaluated
    Then an outcome of kind sentence is predicted in KZ
    And it comes from rule <rule>
    And its confidence is <confidence>

    Examples:
      | home | rule                                           | confidence |
      | RU   | kz.cc.392.1.sentence.practice                  | high       |
      | BY   | kz.cc.392.1.sentence.practice.other_foreigners | low        |

  Scenario Outline: The text in force is decided by the month of the crossing where the month settles it
    # Source: legal-notes section 2 (art. 392 amended from 17 Sep 2025). Issue 12, point 7.
    Given crossing.date is <crossed>
    When the case is evaluated
    Then rule kz.cc.392.1 <old text>
    And rule kz.cc.392.1.text_2025 <new text>

    Examples:
      | crossed | old text       | new text       |
      | 2025-08 | holds          | does not apply |
      | 2025-09 | is undecided   | is undecided   |
      | 2025-10 | does not apply | holds          |
