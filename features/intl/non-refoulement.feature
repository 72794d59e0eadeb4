@intl
Feature: Can Kazakhstan send him back to Russia?
  The bars to removal in international law: the Refugee Convention art. 33(1) and the Convention
  against Torture art. 3(1), both binding on Kazakhstan.

  Background:
    Given a fresh person of nationality RU in KZ
    And the facts:
      | path                                | value      |
      | crossing.from                       | RU         |
      | crossing.into                       | KZ         |
      | crossing.date                       | 2022-09-26 |
      | crossing.at_checkpoint              | false      |
      | host_proceedings.sentence.expulsion | true       |

  Scenario: A substantial risk of torture bars expulsion and extradition
    # Source: legal-notes section 4 (CAT art. 3(1), in force for Kazakhstan since 26 Jun 1998).
    Given risk_on_return.torture is true
    When the case is evaluated
    Then an outcome of kind protection is predicted in INTL
    And it cites article 3 part 1 of the Convention against Torture
    And its detail destination is RU
    And rule kz.cc.392.1.expulsion.ordered.length_by_law is defeated by intl.cat.3.1
    And rule intl.minsk.56.extradition is defeated by intl.cat.3.1
    And no outcome of kind removal is predicted

  Scenario: Before any removal, he can ask for the risk of torture to be assessed
    # Source: legal-notes section 4 (CAT art. 3(1); the Committee against Torture found Kazakhstan
    # in violation in Abdussamatov et al., 444/2010, 2012).
    When the case is evaluated
    Then an outcome of kind remedy is predicted in INTL
    And it comes from rule intl.cat.3.1.raise_risk
    And rule intl.cat.3.1 is undecided
    And the fact risk_on_return.torture is listed as needed by rule intl.cat.3.1

  Scenario: Once the risk has been assessed and found absent, neither applies
    # Source: legal-notes section 4 (CAT art. 3(1)).
    Given risk_on_return.torture is false
    When the case is evaluated
    Then rule intl.cat.3.1 does not apply
    And rule intl.cat.3.1.raise_risk does not apply
    And an outcome of kind removal is predicted in KZ

  Scenario: A recognised refugee is not returned to the state he fled
    # Source: legal-notes section 4 (Refugee Convention art. 33(1); art. 33(2) exceptions are not
    # encoded).
    Given asylum.decision.outcome is granted
    When the case is evaluated
    Then an outcome of kind protection is predicted in INTL
    And it cites article 33 part 1 of the Refugee Convention
    And rule kz.cc.392.1.expulsion.ordered.length_by_law is defeated by intl.rc.33.1
    And no outcome of kind removal is predicted
