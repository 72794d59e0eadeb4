@rs
Feature: Is an anti-war Russian at risk of expulsion from Serbia?
  Anti-war Russians have been refused entry or stripped of residence as a "threat to national
  security" and given 30 days to leave.

  Scenario: Every Russian in Serbia is told of the reported security expulsions
    # Source: destination notes section 7.5 (Koposova, February 2024: 30 days to leave; rs-e).
    Given a fresh person of nationality RU in RS
    When the case is evaluated
    Then an outcome of kind removal is predicted in RS
    And it comes from rule rs.practice.security_expulsion
    And it rests on practice
    And its detail days_to_leave is 30

  Scenario: A Serbian citizen is not concerned
    # Source: destination notes section 7.5 (the reports concern foreigners).
    Given a fresh person of nationality RU in RS
    And person.nationalities is RU,RS
    When the case is evaluated
    Then rule rs.practice.security_expulsion does not apply
