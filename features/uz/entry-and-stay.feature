@uz
Feature: How long may a Russian stay in Uzbekistan without registering, and is he at risk of deportation?
  Since 4 June 2022 Russians may stay 15 days without registration. In September 2022 the Foreign
  Ministry said foreigners who break no law are not deported. How long Russians may stay visa-free
  is not in the notes.

  Background:
    Given a fresh person of nationality RU in UZ
    And crossing.into is UZ

  Scenario Outline: The 15 days without registration count from 4 June 2022
    # Source: destination notes section 5.1 (15 days without registration, agreement in force
    # 4 Jun 2022; uz-a). The law in force is the one of the day he entered.
    Given crossing.date is <entered>
    And as_of is <entered>
    When the case is evaluated
    Then rule uz.stay.registration_15_days <fate>

    Examples:
      | entered    | fate           |
      | 2022-06-03 | does not apply |
      | 2022-06-04 | holds          |

  Scenario: Entering on 22 September 2022 he registers by 7 October
    # Source: destination notes section 5.1 (uz-a); the day of entry is not counted.
    Given crossing.date is 2022-09-22
    When the case is evaluated as of 2022-09-30
    Then the deadline of rule uz.stay.registration_15_days falls on 2022-10-07
    And the deadline of rule uz.stay.registration_15_days is running with 7 days left

  Scenario: A lawful entrant is not to be deported for being Russian
    # Source: destination notes section 5.2 (Foreign Ministry, 30 Sep 2022; uz-b).
    Given crossing.at_checkpoint is true
    When the case is evaluated
    Then an outcome of kind protection is predicted in UZ
    And it comes from rule uz.mfa.no_deportation_without_breach
    And it rests on practice
