@ru
Feature: Facts as the press reports them - dates to the month or the year, numbers from dates
  A date known only to the month (2022-09) or the year (2022) is a valid fact. A rule whose answer
  depends on the day is decided where every possible day gives the same answer and is undecided
  otherwise, naming the date it needs. Days of absence follow from the day he left; a typed number
  the dates contradict is refused, naming both. Issue 12, point 7.

  Background:
    Given a fresh person of nationality RU in KZ
    And the facts:
      | path                      | value    |
      | military.state            | RU       |
      | military.status           | officer  |
      | military.left_service.how | deserted |

  Scenario Outline: The mobilisation decree of 21 September 2022, against the month he left
    # Source: legal-notes section 3 (Decree No. 647 of 21 Sep 2022: partial mobilisation from that
    # day; art. 338(3) from 24 Sep 2022).
    Given military.left_service.on is <left on>
    When the case is evaluated
    Then rule ru.decree647.mobilisation <decree>
    And rule ru.cc.338.3 <part 3>

    Examples:
      | left on    | decree         | part 3                          |
      | 2022-09-20 | does not apply | does not apply                  |
      | 2022-09-21 | holds          | does not apply                  |
      | 2022-08    | does not apply | does not apply                  |
      | 2022-09    | is undecided   | is undecided                    |
      | 2022-10    | holds          | holds                           |
      | 2022       | is undecided   | is undecided                    |
      | 2023       | holds          | holds                           |

  Scenario: An undecided rule names the date it needs to the day
    # Source: legal-notes section 3 (the decree of 21 Sep 2022); issue 12, point 7.
    Given military.left_service.on is 2022-09
    When the case is evaluated
    Then rule ru.decree647.mobilisation is undecided
    And the fact military.left_service.on is listed as needed by rule ru.decree647.mobilisation
    And an outcome of kind home_charge is predicted in RU

  Scenario Outline: Days of absence follow from the day he left
    # Source: legal-notes section 3 (art. 337(5): over a month during mobilisation, 5 to 10 years).
    # Absent without leave from 1 October 2022; the days are counted to the as-of date.
    Given the facts:
      | path                      | value                |
      | as_of                     | <as of>              |
      | military.status           | mobilised            |
      | military.left_service.how | absent_without_leave |
      | military.left_service.on  | 2022-10-01           |
    When the case is evaluated
    Then an outcome of kind home_charge is predicted in RU
    And it cites article 337 part <part> of the RU Criminal Code

    Examples:
      | as of      | part |
      | 2022-10-31 | 3.1  |
      | 2022-11-01 | 5    |

  Scenario: A typed number of days the dates contradict is refused, naming both
    # Source: issue 12, point 7 (a typed number that contradicts the dates is an error naming both).
    Given the facts:
      | path                      | value                |
      | as_of                     | 2022-10-11           |
      | military.left_service.how | absent_without_leave |
      | military.left_service.on  | 2022-10-01           |
    Then setting military.left_service.absence_days to 11 is refused, naming military.left_service.on
    And setting military.left_service.absence_days to 10 is accepted
