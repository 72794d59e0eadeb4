@ru
Feature: What can Russia charge a serviceman who leaves his unit, or a man who leaves the country?
  RU Criminal Code arts. 337 and 338 (absence and desertion, with the mobilisation parts added on
  24 September 2022), art. 322 (illegal crossing of the border), art. 328 (evading conscription),
  and Decree No. 647 on partial mobilisation.

  Background:
    Given a fresh person of nationality RU
    And military.state is RU
    And military.status is officer

  Scenario Outline: Desertion during mobilisation is punished more heavily from 24 September 2022
    # Source: legal-notes section 3 (art. 338(1) up to 7 years; art. 338(3) during mobilisation
    # 5 to 15 years, from 24 Sep 2022; Decree 647: partial mobilisation from 21 Sep 2022).
    Given military.left_service.how is deserted
    And military.left_service.on is <left on>
    When the case is evaluated
    Then rule ru.decree647.mobilisation <during mobilisation>
    And an outcome of kind home_charge is predicted in RU
    And it cites article 338 part <part> of the RU Criminal Code
    And its detail max_years is <max years>

    Examples:
      | left on    | during mobilisation | part | max years |
      | 2022-09-20 | does not apply      | 1    | 7         |
      | 2022-09-21 | holds               | 1    | 7         |
      | 2022-09-23 | holds               | 1    | 7         |
      | 2022-09-24 | holds               | 3    | 15        |

  Scenario: Desertion during mobilisation defeats the plain offence
    # Source: legal-notes section 3 (art. 338(3) from 24 Sep 2022).
    Given military.left_service.how is deserted
    And military.left_service.on is 2022-09-26
    When the case is evaluated
    Then rule ru.cc.338.1 is defeated by ru.cc.338.3
    And an outcome of kind home_charge is predicted in RU
    And its detail min_years is 5
    And its detail status is predicted

  Scenario: A case opened for desertion replaces the prediction
    # Source: legal-notes section 1 (27 Sep 2022: case opened under art. 338; the part is not
    # reported, part 3 follows from the date).
    Given military.left_service.how is deserted
    And military.left_service.on is 2022-09-26
    And home_proceedings.charges is [{"article": "338", "opened_on": "2022-09-27"}]
    When the case is evaluated
    Then rule ru.cc.338.3 is defeated by ru.cc.338.3.charged
    And an outcome of kind home_charge is predicted in RU
    And its detail status is charged

  Scenario Outline: Absence without leave during mobilisation is punished by its length
    # Source: legal-notes section 3 (art. 337 parts 2.1: 2-10 days, up to 5 years; 3.1: 10 days to
    # 1 month, up to 7 years; 5: over 1 month, 5 to 10 years); docs/sources.md ppt-ru-cc-337
    # ("over two days but not more than ten days"). One month is taken as 30 days.
    Given military.left_service.how is absent_without_leave
    And military.left_service.on is 2022-10-01
    And military.left_service.absence_days is <days>
    When the case is evaluated
    Then an outcome of kind home_charge is predicted in RU
    And it cites article 337 part <part> of the RU Criminal Code
    And its detail max_years is <max years>

    Examples:
      | days | part | max years |
      | 3    | 2.1  | 5         |
      | 10   | 2.1  | 5         |
      | 11   | 3.1  | 7         |
      | 30   | 3.1  | 7         |
      | 31   | 5    | 10        |

  Scenario Outline: Two days' absence or less is not charged under the mobilisation parts
    # Source: docs/sources.md ppt-ru-cc-337 (art. 337(2.1): "over two days").
    Given military.left_service.how is absent_without_leave
    And military.left_service.on is 2022-10-01
    And military.left_service.absence_days is <days>
    When the case is evaluated
    Then no outcome of kind home_charge is predicted

    Examples:
      | days |
      | 1    |
      | 2    |

  Scenario: Leaving Russia outside a checkpoint is illegal crossing of its border
    # Source: legal-notes section 3 (art. 322(1): fine up to 200,000 RUB, forced labour or up to
    # 2 years).
    Given crossing.from is RU
    And crossing.date is 2022-09-26
    And crossing.at_checkpoint is false
    When the case is evaluated
    Then an outcome of kind home_charge is predicted in RU
    And it cites article 322 part 1 of the RU Criminal Code
    And its detail max_fine_rub is 200000
    And its detail alternatives is fine, forced labour, imprisonment

  Scenario: Evading a conscription call-up is a crime
    # Source: legal-notes section 3 (art. 328(1), up to 2 years).
    Given military.status is civilian
    And military.call_up.kind is conscription
    And military.call_up.received_on is 2022-10-01
    And military.call_up.reported is false
    When the case is evaluated
    Then an outcome of kind home_charge is predicted in RU
    And it cites article 328 part 1 of the RU Criminal Code
    And its detail max_years is 2

  Scenario: Not reporting for mobilisation is not a crime
    # Source: legal-notes section 3 (not reporting for mobilisation is only an administrative
    # matter).
    Given military.status is reservist
    And military.call_up.kind is mobilisation
    And military.call_up.received_on is 2022-09-23
    And military.call_up.reported is false
    When the case is evaluated
    Then no outcome of kind home_charge is predicted
    And rule ru.cc.328.1 does not apply
    And an outcome of kind remedy is predicted in RU
    And it comes from rule ru.cc.328.mobilisation_not_a_crime
