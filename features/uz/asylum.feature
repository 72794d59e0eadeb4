@uz
Feature: Can a Russian claim asylum in Uzbekistan?
  Uzbekistan is not a party to the 1951 Convention or its Protocol and has no asylum law; UNHCR
  closed its office there in 2006.

  Scenario: There is no procedure to claim in
    # Source: destination notes section 5.3 (not a party, no asylum law, UNHCR office closed 2006;
    # uz-c).
    Given a fresh person of nationality RU in UZ
    And asylum.applied_on is 2023-03-01
    When the case is evaluated
    Then an outcome of kind asylum is predicted in UZ
    And it comes from rule uz.asylum.no_procedure
    And its detail decision is no procedure
