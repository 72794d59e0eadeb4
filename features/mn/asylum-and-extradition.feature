@mn
Feature: Can a Russian find protection in Mongolia, and can Mongolia extradite him?
  Mongolia is not a party to the 1951 Convention: UNHCR decides refugee status under its mandate,
  and the Constitution (art. 18(4)) allows asylum for persecution for beliefs or political
  activity. Extradition to Russia runs on the legal-assistance treaty of 20 April 1999, whose
  grounds, limits and any military-offence clause were not read.

  Background:
    Given a fresh person of nationality RU in MN

  Scenario: There is no state procedure; UNHCR decides under its mandate
    # Source: destination notes section 6.2 (mn-b).
    Given asylum.applied_on is 2023-03-01
    When the case is evaluated
    Then an outcome of kind asylum is predicted in MN
    And it comes from rule mn.asylum.unhcr_mandate
    And it cites article 18 part 4 of the MN Constitution

  Scenario: On an ordinary charge Russia can request his extradition under the 1999 treaty
    # Source: destination notes section 6.3 (treaty of 20 Apr 1999; grounds [U]; mn-c).
    Given home_proceedings.charges is [{"article": "322", "opened_on": "2023-03-02"}]
    When the case is evaluated
    Then an outcome of kind removal is predicted in MN
    And it comes from rule mn.extradition.treaty_1999
    And its confidence is low

  Scenario: On a desertion charge alone lexcase predicts nothing, and its coverage says why
    # Source: destination notes section 6.3 (military-offence clause [U]; mn-c); rules/mn/pack.yaml
    # lists the clause among what the pack leaves out.
    Given the facts:
      | path                       | value                                            |
      | home_proceedings.charges   | [{"article": "338", "opened_on": "2023-03-02"}] |
      | military.state             | RU                                               |
      | military.status            | mobilised                                        |
      | military.left_service.how  | deserted                                         |
      | military.left_service.on   | 2023-01-10                                       |
      | crossing.from              | RU                                               |
      | crossing.at_checkpoint     | true                                             |
    When the case is compared across MN
    Then in MN the rules' coverage is partial
    And in MN no rule of KZ holds or waits
