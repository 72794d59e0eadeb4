@kz
Feature: How long may a Russian stay in Kazakhstan without a permit?
  The 90-in-180-day limit for citizens of Eurasian Economic Union states, in force from
  27 January 2023, the administrative offence of overstaying, and the asylum seeker's certificate.

  Background:
    Given a fresh person of nationality RU in KZ
    And stay.basis is visa_free

  Scenario Outline: The limit counts from 27 January 2023 and allows 90 days in 180
    # Source: legal-notes section 2 (Entry and stay: at most 90 days in any 180 since 27 Jan 2023;
    # before that the count could be reset by leaving and re-entering).
    Given stay.days_in_last_180 is <days>
    And stay.counted_on is <counted on>
    When the case is evaluated
    Then rule kz.stay.eaeu.90_in_180 <fate>

    Examples:
      | days | counted on | fate           |
      | 120  | 2023-01-26 | does not apply |
      | 120  | 2023-01-27 | holds          |
      | 90   | 2023-03-01 | does not apply |
      | 91   | 2023-03-01 | holds          |

  Scenario: Overstaying is an administrative offence
    # Source: legal-notes section 2 (AOC art. 517: a fine or administrative expulsion; 25 MRP
    # reported under part 4; exact fines unverified [U]).
    Given stay.days_in_last_180 is 120
    And stay.counted_on is 2023-03-01
    When the case is evaluated
    Then an outcome of kind duty is predicted in KZ
    And it comes from rule kz.stay.eaeu.90_in_180.must_leave
    And its detail limit_days is 90
    And no outcome of kind remedy is predicted in KZ
    And an outcome of kind administrative_penalty is predicted in KZ
    And it cites article 517 of the KZ Administrative Offences Code
    And its confidence is low
    And its detail reported_fine_mrp is 25

  Scenario: A residence permit lifts the limit
    # Source: legal-notes section 2 (a longer stay needs a residence permit).
    Given stay.basis is residence_permit
    And stay.days_in_last_180 is 120
    And stay.counted_on is 2023-03-01
    When the case is evaluated
    Then rule kz.stay.eaeu.90_in_180 does not apply
    And no outcome of kind administrative_penalty is predicted

  Scenario: A claim made within the lawful 90 days leaves no overstay to punish
    # Source: legal-notes section 2 (the asylum seeker's certificate makes the stay lawful). He
    # entered at a checkpoint on 1 December 2022 and claimed on 20 December, before overstaying.
    Given the facts:
      | path                   | value      |
      | crossing.into          | KZ         |
      | crossing.at_checkpoint | true       |
      | crossing.date          | 2022-12-01 |
      | stay.counted_on        | 2023-03-01 |
      | asylum.applied_on      | 2022-12-20 |
    When the case is evaluated
    Then rule kz.aoc.517.overstay is defeated by kz.refugees.certificate.before_overstay
    And rule kz.stay.eaeu.90_in_180.must_leave is defeated by kz.refugees.certificate
    And no outcome of kind administrative_penalty is predicted
    And no outcome of kind duty is predicted

  Scenario Outline: A later claim does not erase an overstay already committed
    # Source: legal-notes section 2 (90 days in 180 from 27 Jan 2023; AOC art. 517; the
    # certificate makes the stay lawful from the claim on). Issue 12, point 6. Entered lawfully on
    # 1 December 2022: the 90th day after is 1 March 2023.
    Given the facts:
      | path                   | value        |
      | crossing.into          | KZ           |
      | crossing.at_checkpoint | true         |
      | crossing.date          | 2022-12-01   |
      | stay.counted_on        | 2023-03-20   |
      | asylum.applied_on      | <claimed on> |
    When the case is evaluated
    Then rule kz.aoc.517.overstay <penalty>
    And rule kz.aoc.517.expulsion <expulsion>
    And rule kz.stay.eaeu.90_in_180.must_leave is defeated by kz.refugees.certificate

    Examples:
      | claimed on | penalty                                                      | expulsion                                                     |
      | 2023-03-01 | is defeated by kz.refugees.certificate.before_overstay       | is defeated by kz.refugees.certificate.before_overstay       |
      | 2023-03-02 | holds                                                        | holds                                                         |

  Scenario Outline: The days of stay follow from the day he entered
    # Source: legal-notes section 2 (90 days in any 180 since 27 Jan 2023). Issue 12, point 7: the
    # count is computed from the crossing, not typed; 1 December 2022 to 28 February 2023 is 90
    # days, to 1 March 91.
    Given the facts:
      | path                   | value        |
      | crossing.into          | KZ           |
      | crossing.at_checkpoint | true         |
      | crossing.date          | 2022-12-01   |
      | stay.counted_on        | <counted on> |
    When the case is evaluated
    Then rule kz.stay.eaeu.90_in_180 <fate>

    Examples:
      | counted on | fate           |
      | 2023-02-28 | does not apply |
      | 2023-03-01 | holds          |

  Scenario: A typed day count the entry date contradicts is refused, naming both
    # Source: issue 12, point 7 (a typed number that contradicts the dates is an error).
    Given the facts:
      | path                   | value      |
      | crossing.into          | KZ         |
      | crossing.date          | 2022-12-01 |
      | stay.counted_on        | 2023-03-01 |
    Then setting stay.days_in_last_180 to 30 is refused, naming crossing.date
    And setting stay.days_in_last_180 to 91 is accepted

  Scenario: An overstayer can be expelled by administrative procedure
    # Source: legal-notes section 2 (AOC art. 517: a fine or administrative expulsion [U]).
    Given stay.days_in_last_180 is 120
    And stay.counted_on is 2023-03-01
    When the case is evaluated
    Then an outcome of kind removal is predicted in KZ
    And it comes from rule kz.aoc.517.expulsion
    And its confidence is low
    And its detail procedure is administrative
