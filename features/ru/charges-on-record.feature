@ru
Feature: Which charges does Russia bring, as they are recorded?
  RU Criminal Code arts. 322, 328, 337 and 338 as the reports record them: a recorded charge is a
  home charge whatever its article and part; a recorded part is trusted, not derived again from
  facts the case may not hold; art. 337 parts 1 to 4 (absence without leave outside mobilisation)
  beside the parts added in 2022. Issue 12, point 1.

  Background:
    Given a fresh person of nationality RU in KZ
    And military.state is RU

  Scenario Outline: A recorded part is trusted, whatever the other facts
    # Source: legal-notes section 3 (art. 338: part 1 up to 7 years, part 2 up to 10, part 3 5 to
    # 15 years; art. 337 parts 2.1, 3.1 and 5; art. 322(1) up to 2 years) and docs/sources.md
    # ppt-ru-cc-337 (art. 337 parts 1, 2 and 3; the penalty of part 4 is not verified). Nothing
    # but the charge is known: no date, no status, no mobilisation.
    Given home_proceedings.charges is [{"article": "<article>", "part": "<part>"}]
    When the case is evaluated
    Then rule <rule> holds
    And an outcome of kind home_charge is predicted in RU
    And it comes from rule <rule>
    And its detail part is "<part>"
    And its detail status is charged

    Examples:
      | article | part | rule                            |
      | 338     | 1    | ru.cc.338.charged.part_1        |
      | 338     | 2    | ru.cc.338.charged.part_2        |
      | 338     | 3    | ru.cc.338.charged.part_3        |
      | 337     | 1    | ru.cc.337.charged.part_1        |
      | 337     | 2    | ru.cc.337.charged.part_2        |
      | 337     | 2.1  | ru.cc.337.charged.part_2-1      |
      | 337     | 3    | ru.cc.337.charged.part_3        |
      | 337     | 3.1  | ru.cc.337.charged.part_3-1      |
      | 337     | 4    | ru.cc.337.charged.part_4        |
      | 337     | 5    | ru.cc.337.charged.part_5        |
      | 322     | 1    | ru.cc.322.1.charged.part_recorded |

  Scenario: A recorded part 1 is not turned into part 3 by the mobilisation
    # Source: legal-notes section 3 (art. 338(3) from 24 Sep 2022 during mobilisation). The record
    # says part 1; lexcase does not re-derive part 3 from the date he left.
    Given the facts:
      | path                          | value                              |
      | military.status               | officer                            |
      | military.left_service.how     | deserted                           |
      | military.left_service.on      | 2022-09-26                         |
      | home_proceedings.charges      | [{"article": "338", "part": "1"}]  |
    When the case is evaluated
    Then rule ru.cc.338.3.charged does not apply
    And rule ru.cc.338.3 is defeated by ru.cc.338.charged.part_1
    And an outcome of kind home_charge is predicted in RU
    And its detail max_years is 7

  Scenario Outline: A charge recorded without its part is still a home charge
    # Source: legal-notes section 3; reports often give the article only (Zhilin: arts. 322 and
    # 338, Moscow Times 14 Dec 2022).
    Given home_proceedings.charges is [{"article": "<article>"}]
    When the case is evaluated
    Then rule <rule> holds
    And an outcome of kind home_charge is predicted in RU
    And it comes from rule <rule>

    Examples:
      | article | rule                  |
      | 338     | ru.cc.338.charged     |
      | 337     | ru.cc.337.charged     |
      | 322     | ru.cc.322.1.charged   |
      | 328     | ru.cc.328.1.charged   |

  Scenario: A charge whose article the press did not report is on record too
    # Source: the reports of Bazhukov's case (docs/sources.md euronews-2026-02-03: Russia put him
    # on its wanted list; no article is reported).
    Given home_proceedings.charges is [{}]
    When the case is evaluated
    Then rule ru.cc.charges_on_record holds
    And an outcome of kind home_charge is predicted in RU
    And it comes from rule ru.cc.charges_on_record
    And its detail penalty is the penalty of each recorded article

  Scenario Outline: Absence without leave outside mobilisation, by its length (art. 337 parts 1, 3, 4)
    # Source: docs/sources.md ppt-ru-cc-337 (part 1: over 2 and up to 10 days, conscript; part 3:
    # over 10 days and up to a month); part 4's penalty is not verified. He left in 2021, before
    # the mobilisation; as of 2021-03-01 the days of absence follow from the date he left.
    Given the facts:
      | path                       | value                |
      | as_of                      | <as of>              |
      | military.status            | conscript            |
      | military.left_service.how  | absent_without_leave |
      | military.left_service.on   | 2021-02-01           |
    When the case is evaluated
    Then rule <rule> <fate>

    Examples:
      | as of      | rule        | fate           |
      | 2021-02-03 | ru.cc.337.1 | does not apply |
      | 2021-02-04 | ru.cc.337.1 | holds          |
      | 2021-02-11 | ru.cc.337.1 | holds          |
      | 2021-02-12 | ru.cc.337.1 | does not apply |
      | 2021-02-12 | ru.cc.337.3 | holds          |
      | 2021-03-03 | ru.cc.337.3 | holds          |
      | 2021-03-04 | ru.cc.337.4 | holds          |

  Scenario: During mobilisation part 2.1 replaces part 1
    # Source: legal-notes section 3 (art. 337(2.1) from 24 Sep 2022, during mobilisation).
    Given the facts:
      | path                       | value                |
      | as_of                      | 2022-10-06           |
      | military.status            | conscript            |
      | military.left_service.how  | absent_without_leave |
      | military.left_service.on   | 2022-10-01           |
    When the case is evaluated
    Then rule ru.cc.337.1 is defeated by ru.cc.337.2-1
