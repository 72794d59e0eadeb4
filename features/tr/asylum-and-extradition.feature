@tr
Feature: Can a Russian get refugee status in Turkey, and can Turkey extradite him?
  Turkey keeps the 1951 Convention's geographical limitation; how it classes Russians since Russia
  left the Council of Europe is not known. Turkey and Russia are parties to the European Convention
  on Extradition.

  Background:
    Given a fresh person of nationality RU in TR

  Scenario: The geographical limitation leaves his status uncertain
    # Source: destination notes section 8.3 (full refugee status only for people from Council of
    # Europe states; Russians after 2022 [U]; tr-b).
    Given asylum.applied_on is 2023-03-01
    When the case is evaluated
    Then an outcome of kind asylum is predicted in TR
    And it comes from rule tr.lfip.geographical_limitation
    And its confidence is low
    And its detail decision is undetermined

  Scenario: On an ordinary charge Russia can request his extradition under the European Convention
    # Source: destination notes section 8.4 (ECE, both parties) and section 1.2 (RU CC 322 is an
    # ordinary offence, outside art. 4).
    Given home_proceedings.charges is [{"article": "322", "opened_on": "2023-03-02"}]
    When the case is evaluated
    Then an outcome of kind removal is predicted
    And it comes from rule intl.ece.extradition.ordinary_charge
    And its detail type is extradition
    And rule intl.ece.party.tr.host holds
    And no outcome of kind remedy is predicted in TR

  Scenario: A charge of desertion alone cannot ground extradition (ECE art. 4)
    # Source: destination notes section 1.2 (ECE art. 4: purely military offences; desertion,
    # RU CC 338, is one) and section 8.4. No deserter case in Turkey is reported.
    Given the facts:
      | path                       | value                                            |
      | home_proceedings.charges   | [{"article": "338", "opened_on": "2023-03-02"}] |
      | military.state             | RU                                               |
      | military.status            | mobilised                                        |
      | military.left_service.how  | deserted                                         |
      | military.left_service.on   | 2023-01-10                                       |
      | crossing.from              | RU                                               |
      | crossing.at_checkpoint     | true                                             |
    When the case is evaluated
    Then an outcome of kind protection is predicted
    And it comes from rule intl.ece.4.military_offences
    And rule intl.ece.extradition.ordinary_charge does not apply
    And rule intl.ece.party.tr.host holds

  Scenario Outline: A recorded decision is shown as decided
    # Source: destination notes section 8.3 (tr-b); a decision on record is a fact.
    Given asylum.applied_on is 2023-03-01
    And asylum.decision.outcome is <outcome>
    And asylum.decision.on is 2023-06-01
    When the case is evaluated
    Then rule <rule> holds
    And rule tr.lfip.geographical_limitation does not apply

    Examples:
      | outcome | rule                     |
      | refused | tr.lfip.decision.refused |
      | granted | tr.lfip.decision.granted |
