@story
Feature: What if the officer's case had been different?
  Each variant changes one fact of the article's case (seeds/zhilin.yaml) and evaluates the case
  before and after the change, as of a date at which the change matters and before any record it
  would have made impossible. Each row follows one rule from the story to the variant; a variant
  that moves two rules has two rows.

  Scenario Outline: Had <variant>, rule <rule> <had it been so>
    Given the case in "seeds/zhilin.yaml"
    When the case is evaluated as of <as of>
    Then rule <rule> <in the story>
    When <fact> becomes <value>
    And the case is evaluated as of <as of>
    Then rule <rule> <had it been so>

    Examples: He crossed at a checkpoint
      # Source: legal-notes section 2 (KZ CC art. 392(1) punishes crossing outside a checkpoint;
      # asylum within 5 calendar days of a lawful arrival).
      | variant                    | fact                   | value | as of      | rule                                   | in the story   | had it been so |
      | he crossed at a checkpoint | crossing.at_checkpoint | true  | 2022-09-27 | kz.cc.392.1.limb.outside_checkpoint    | holds          | does not apply |
      | he crossed at a checkpoint | crossing.at_checkpoint | true  | 2022-09-27 | kz.refugees.claim_on_time.lawful_entry | does not apply | holds          |

    Examples: Refugee status granted
      # Source: legal-notes section 4 (Refugee Convention art. 33(1), non-refoulement).
      | variant                                | fact                    | value   | as of      | rule                          | in the story   | had it been so              |
      | Kazakhstan had granted refugee status  | asylum.decision.outcome | granted | 2022-12-12 | intl.rc.33.1                  | does not apply | holds                       |
      | Kazakhstan had granted refugee status  | asylum.decision.outcome | granted | 2022-12-12 | kz.cc.392.1.expulsion.ordered.length_by_law | holds | is defeated by intl.rc.33.1 |

    Examples: Dual Kazakh citizenship
      # Source: legal-notes section 2 (Constitution art. 11(1): Kazakhstan does not extradite its
      # own citizens; art. 392(1) expels foreigners only).
      | variant                         | fact                 | value | as of      | rule                      | in the story   | had it been so                      |
      | he also held Kazakh citizenship | person.nationalities | RU,KZ | 2022-09-27 | kz.constitution.11.1      | does not apply | holds                               |
      | he also held Kazakh citizenship | person.nationalities | RU,KZ | 2022-09-27 | intl.minsk.56.extradition | holds          | is defeated by kz.constitution.11.1 |
      | he also held Kazakh citizenship | person.nationalities | RU,KZ | 2022-09-27 | kz.cc.392.1.expulsion     | holds          | does not apply                      |

    Examples: No wanted notice
      # Source: legal-notes section 2 (CPC art. 587 detains a person on a foreign wanted list; the
      # Interior Minister: only a charge with an international wanted notice leads to extradition).
      # Seen on 2 December 2022, before the airport detention the notice led to; the notice is
      # replaced whole, so that it carries no date and is known on that day.
      | variant                                   | fact                           | value                    | as of      | rule                        | in the story | had it been so |
      | Russia had issued no international notice | home_proceedings.wanted_notice | {"international": false} | 2022-12-02 | kz.cpc.587.wanted_notice    | is undecided | does not apply |
      | Russia had issued no international notice | home_proceedings.wanted_notice | {"international": false} | 2022-12-02 | kz.cpc.extradition.practice | is undecided | does not apply |

    Examples: A conscript instead of an officer
      # Source: legal-notes section 3 (Law 114-FZ art. 15(2): persons called up for military service
      # may not leave; art. 338(3) covers any serviceman deserting during mobilisation).
      | variant                        | fact            | value     | as of      | rule                | in the story   | had it been so |
      | he had been a conscript        | military.status | conscript | 2022-09-27 | ru.114fz.15.2       | does not apply | holds          |
      | he had been a conscript        | military.status | conscript | 2022-09-27 | ru.cc.338.3.charged | holds          | holds          |

    Examples: A crossing after 17 September 2025
      # Source: legal-notes section 2 (art. 392(1) as amended from 17 Sep 2025: up to 2,000 MRP or
      # 3 years; whether expulsion stays mandatory is unverified).
      | variant                                | fact          | value      | as of      | rule                  | in the story   | had it been so |
      | he had crossed after 17 September 2025 | crossing.date | 2025-10-01 | 2025-10-01 | kz.cc.392.1           | holds          | does not apply |
      | he had crossed after 17 September 2025 | crossing.date | 2025-10-01 | 2025-10-01 | kz.cc.392.1.text_2025 | does not apply | holds          |

    Examples: Asylum asked after more than 24 hours
      # Source: legal-notes section 2 (after a forced illegal crossing, asylum within 24 hours) and
      # section 4 (art. 31(1): refugees who present themselves without delay).
      | variant                                  | fact              | value      | as of      | rule                                      | in the story | had it been so |
      | he had asked for asylum two days later   | asylum.applied_on | 2022-09-28 | 2022-09-28 | kz.refugees.claim_on_time.irregular_entry | holds        | does not apply |
      | he had asked for asylum two days later   | asylum.applied_on | 2022-09-28 | 2022-09-28 | intl.rc.31.1                              | holds        | does not apply |

    Examples: An overstay beyond 90 days in 180
      # Source: legal-notes section 2 (EAEU citizens at most 90 days in any 180 from 27 Jan 2023;
      # AOC art. 517). His stay's basis is not in the case file, so in the story both rules are
      # undecided; the days of stay follow from his crossing of 26 Sep 2022 (157 by 1 March 2023).
      | variant                          | fact | value                                                                       | as of      | rule                   | in the story | had it been so |
      | he had overstayed 90 days in 180 | stay | {"basis": "visa_free", "counted_on": "2023-03-01"}                          | 2023-03-01 | kz.stay.eaeu.90_in_180 | is undecided | holds          |
      | he had overstayed 90 days in 180 | stay | {"basis": "visa_free", "counted_on": "2023-03-01"}                          | 2023-03-01 | kz.aoc.517.overstay    | is undecided | holds          |
