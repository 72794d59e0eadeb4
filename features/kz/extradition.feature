@kz
Feature: Can Kazakhstan detain a person on Russia's wanted notice and extradite him?
  KZ Criminal Procedure Code arts. 587-588 and the extradition chapter, the Minsk Convention, the
  Constitution's bar on extraditing citizens, and Kazakhstan's reported practice.

  Background:
    Given a fresh person of nationality RU in KZ
    And the facts:
      | path                                         | value      |
      | crossing.from                                | RU         |
      | crossing.into                                | KZ         |
      | crossing.date                                | 2022-09-26 |
      | crossing.at_checkpoint                       | false      |
      | home_proceedings.wanted_notice.international | true       |

  Scenario: On an international wanted notice he is detained and checked within 72 hours
    # Source: legal-notes section 2 (CPC art. 587).
    When the case is evaluated
    Then an outcome of kind detention is predicted in KZ
    And it cites article 587 of the KZ Criminal Procedure Code
    And its detail basis is extradition_check
    And its detail limit_hours is 72

  Scenario: A court can then order up to 40 days of custody pending the request
    # Source: legal-notes section 2 (CPC art. 588) and section 4 (Minsk Convention art. 62).
    When the case is evaluated
    Then an outcome of kind detention is predicted in KZ
    And it comes from rule kz.cpc.588.custody
    And it cites article 62 of the Minsk Convention
    And its detail limit_days is 40
    And its detail status is predicted

  Scenario: A custody order on record replaces the prediction
    # Source: legal-notes section 1 (12 Dec 2022: 40 days of custody ordered in Astana).
    Given host_proceedings.detentions is [{"basis": "extradition_custody", "ordered_on": "2022-12-12", "days_ordered": 40}]
    When the case is evaluated
    Then an outcome of kind detention is predicted in KZ
    And its detail status is ordered
    And rule kz.cpc.588.custody is defeated by kz.cpc.588.custody.ordered

  Scenario: With a criminal charge and a wanted notice, extradition is likely in practice
    # Source: legal-notes section 2 (about 80 of 90+ requests granted in 2022; the Interior
    # Minister: only criminal charges with an international wanted notice) and section 3
    # (RU CC art. 322 makes the crossing a charge at home).
    When the case is evaluated
    Then an outcome of kind removal is predicted in KZ
    And it rests on practice
    And its detail type is extradition
    And its detail likelihood is likely
    And an outcome of kind remedy is predicted in KZ
    And it comes from rule kz.cpc.extradition.appeal
    And its detail deadline_days is 10

  Scenario: The Minsk Convention allows extradition for the illegal border crossing
    # Source: legal-notes section 4 (Minsk Convention art. 56: offences punishable in both states
    # by at least 1 year; whether desertion qualifies is unverified).
    When the case is evaluated
    Then an outcome of kind removal is predicted in INTL
    And it cites article 56 of the Minsk Convention
    And its confidence is medium

  Scenario: Kazakhstan does not extradite its own citizens
    # Source: legal-notes section 2 (Constitution art. 11(1)).
    Given person.nationalities is RU,KZ
    When the case is evaluated
    Then an outcome of kind protection is predicted in KZ
    And it cites article 11 part 1 of the KZ Constitution
    And rule kz.cpc.extradition.practice is defeated by kz.constitution.11.1
    And rule intl.minsk.56.extradition is defeated by kz.constitution.11.1
    And no outcome of kind removal is predicted

  Scenario: Without an international wanted notice there is nothing to detain him on
    # Source: legal-notes section 2 (CPC art. 587; the Interior Minister, Sep 2022).
    Given home_proceedings.wanted_notice.international is false
    When the case is evaluated
    Then no outcome of kind detention is predicted
    And rule kz.cpc.587.wanted_notice does not apply
    And rule kz.cpc.extradition.practice does not apply

  Scenario: A mobilisation summons alone does not lead to extradition
    # Source: legal-notes section 2 (Interior Minister, Sep 2022: mobilisation summonses cannot
    # lead to extradition) and section 3 (not reporting for mobilisation is not a crime).
    Given the facts:
      | path                                         | value        |
      | crossing.at_checkpoint                       | true         |
      | home_proceedings.wanted_notice.international | false        |
      | military.status                              | reservist    |
      | military.call_up.kind                        | mobilisation |
    When the case is evaluated
    Then an outcome of kind protection is predicted in KZ
    And it rests on practice
    And its detail against is extradition
    And no outcome of kind removal is predicted
