@ru
Feature: May he leave Russia?
  RU Law 114-FZ art. 15: temporary restrictions on leaving Russia.

  Background:
    Given a fresh person of nationality RU
    And military.state is RU

  Scenario: Access to state secrets bars him from leaving
    # Source: legal-notes section 3 (art. 15(1): normally up to 5 years after the last access,
    # extendable to 10).
    Given military.status is officer
    And military.state_secrets_access is true
    When the case is evaluated
    Then an outcome of kind exit_ban is predicted in RU
    And it cites article 15 part 1 of RU Law 114-FZ
    And its detail normal_max_years is 5
    And its detail extendable_to_years is 10

  Scenario: A man called up for military service may not leave until it ends
    # Source: legal-notes section 3 (art. 15(2)).
    Given military.status is mobilised
    And military.state_secrets_access is false
    When the case is evaluated
    Then an outcome of kind exit_ban is predicted in RU
    And it cites article 15 part 2 of RU Law 114-FZ
    And its detail ground is called up for military service

  Scenario: A civilian without access to secrets may leave
    # Source: legal-notes section 1 (the civilians who crossed legally) and section 3.
    Given military.status is civilian
    And military.state_secrets_access is false
    When the case is evaluated
    Then no outcome of kind exit_ban is predicted
