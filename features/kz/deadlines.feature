@kz
Feature: By when must each step of the procedure happen?
  Dated deadlines concluded by the rules: claiming asylum, deciding the claim, the checks and
  custody of a person wanted abroad, appealing an extradition, leaving after a final refusal,
  the 90-in-180-day stay, the end of probation and of the expulsion ban. Dates carry no hours,
  so "24 hours" and "72 hours" end with the day they reach; the day of the event is not counted.

  Background:
    Given the case in "seeds/zhilin.yaml"

  Scenario: The asylum claim made on the day of the irregular crossing is on time
    # Source: legal-notes section 2 (Law on Refugees: within 24 hours after a forced illegal
    # crossing; egov.kz, UNHCR Kazakhstan); section 1 (claim made when held, 26 Sep 2022).
    When the case is evaluated as of 2022-12-12
    Then the deadline of rule kz.refugees.claim_deadline.irregular_entry falls on 2022-09-27
    And the deadline of rule kz.refugees.claim_deadline.irregular_entry is met on 2022-09-26

  Scenario: A claim two days after the crossing misses the 24 hours
    # Source: legal-notes section 2 (24 hours after a forced illegal crossing).
    Given asylum.applied_on is 2022-09-28
    When the case is evaluated as of 2022-12-12
    Then the deadline of rule kz.refugees.claim_deadline.irregular_entry is missed

  Scenario: After a lawful entry the claim is due within 5 calendar days
    # Source: legal-notes section 2 (Law on Refugees: within 5 calendar days of arrival).
    Given the case in "seeds/reservist-2022.yaml"
    And asylum.applied_on is 2022-09-29
    When the case is evaluated
    Then the deadline of rule kz.refugees.claim_deadline.lawful_entry falls on 2022-09-30
    And the deadline of rule kz.refugees.claim_deadline.lawful_entry is met on 2022-09-29

  Scenario: Without a registration date the refugee decision is counted from the claim
    # Source: legal-notes section 2 (art. 11(1): decision within 3 months of registration,
    # extendable to 1 year); section 1 (refusal of 30 Nov 2022). No report gives his registration
    # date, and registration cannot come before the claim.
    When the case is evaluated as of 2022-12-12
    Then the deadline of rule kz.refugees.11.1.decision_due.from_claim falls on 2022-12-26
    And the deadline of rule kz.refugees.11.1.decision_due.from_claim is met on 2022-11-30
    And the deadline of rule kz.refugees.11.1.decision_due.extended.from_claim falls on 2023-09-26
    And rule kz.refugees.11.1.decision_due is undecided
    And the fact asylum.registered_on is listed as needed by rule kz.refugees.11.1.decision_due

  Scenario: Three months from 30 November end on 28 February
    # Source: legal-notes section 2 (art. 11(1)); a month ending past the end of a shorter month
    # ends on its last day.
    Given the facts:
      | path                  | value      |
      | asylum.registered_on  | 2022-11-30 |
      | asylum.decision       | unknown    |
    When the case is evaluated as of 2022-12-12
    Then the deadline of rule kz.refugees.11.1.decision_due falls on 2023-02-28
    And the deadline of rule kz.refugees.11.1.decision_due is running with 78 days left
    And the deadline of rule kz.refugees.11.1.decision_due.extended falls on 2023-11-30

  Scenario: The 72-hour check ends with the third day after the detention
    # Source: legal-notes section 2 (CPC art. 587: within 72 hours); section 1 (detained at
    # Astana airport on 6 Dec 2022).
    When the case is evaluated as of 2022-12-07
    Then the deadline of rule kz.cpc.587.check_72_hours falls on 2022-12-09
    And the deadline of rule kz.cpc.587.check_72_hours is running with 2 days left
    And the deadline of rule kz.cpc.588.request_due.if_ordered falls on 2023-01-15

  Scenario: The 40-day custody runs from the airport detention to 15 January 2023
    # Source: legal-notes section 2 (CPC art. 588: 40 days from detention) and section 4 (Minsk
    # Convention art. 62); section 1 (custody ordered on 12 Dec 2022).
    When the case is evaluated as of 2022-12-12
    Then the deadline of rule kz.cpc.588.request_due falls on 2023-01-15
    And the deadline of rule kz.cpc.588.request_due is running with 34 days left
    And rule kz.cpc.588.request_due.if_ordered is defeated by kz.cpc.588.request_due

  Scenario Outline: Whether the extradition request came within the 40 days
    # Source: legal-notes section 2 (CPC art. 588: the prosecutor releases him if no request
    # arrives in time) and section 4 (Minsk Convention art. 62).
    Given host_proceedings.extradition.requested_on is <requested>
    When the case is evaluated as of 2023-01-16
    Then the deadline of rule kz.cpc.588.request_due is <status>

    Examples:
      | requested  | status  |
      | 2023-01-15 | met     |
      | 2023-01-16 | missed  |
      | unknown    | overdue |

  Scenario: Ten days to appeal an extradition decision
    # Source: legal-notes section 2 (the Prosecutor General decides; appeal to court within 10 days).
    Given the facts:
      | path                                          | value      |
      | host_proceedings.extradition.decision.outcome | granted    |
      | host_proceedings.extradition.decision.on      | 2022-12-20 |
    When the case is evaluated as of 2022-12-21
    Then the deadline of rule kz.cpc.extradition.appeal_deadline falls on 2022-12-30
    And the deadline of rule kz.cpc.extradition.appeal_deadline is running with 9 days left

  Scenario: Thirty days to leave after the final refusal
    # Source: legal-notes section 2 (after a final court refusal the person must leave within 30
    # days; a lawyer quoted by fergana.news).
    Given the facts:
      | path                           | value      |
      | asylum.appeal.filed_on         | 2022-12-15 |
      | asylum.appeal.decision.outcome | dismissed  |
      | asylum.appeal.decision.final   | true       |
      | asylum.appeal.decision.on      | 2022-12-28 |
    When the case is evaluated as of 2023-02-01
    Then the deadline of rule kz.refugees.leave_after_final_refusal.deadline falls on 2023-01-27
    And the deadline of rule kz.refugees.leave_after_final_refusal.deadline is overdue

  Scenario: The expulsion ban runs five years from the hand-over
    # Source: legal-notes section 2 (CC art. 392(1): expulsion for 5 years); section 1 (handed
    # to Russian border guards on 29 Dec 2022).
    Given the facts:
      | path         | value       |
      | removal.type | deportation |
      | removal.on   | 2022-12-29  |
    When the case is evaluated as of 2028-01-01
    Then the deadline of rule kz.cc.392.1.expulsion.ban_ends falls on 2027-12-29
    And the deadline of rule kz.cc.392.1.expulsion.ban_ends is ended

  Scenario: A ban term set by the court replaces the statutory five years
    # Source: legal-notes section 2 (CC art. 392(1)); the term the court sets is on record.
    Given the facts:
      | path                                      | value       |
      | host_proceedings.sentence.expulsion_years | 3           |
      | removal.type                              | deportation |
      | removal.on                                | 2022-12-29  |
    When the case is evaluated as of 2023-01-10
    Then the deadline of rule kz.cc.392.1.expulsion.ban_ends.as_sentenced falls on 2025-12-29
    And rule kz.cc.392.1.expulsion.ban_ends is defeated by kz.cc.392.1.expulsion.ban_ends.as_sentenced

  Scenario: Probation ends six months after the sentence
    # Source: legal-notes section 2 (CC art. 63: probation control for the whole term); section 1
    # (six months, conditional, on 2 Dec 2022).
    When the case is evaluated as of 2022-12-12
    Then the deadline of rule kz.cc.63.probation_ends falls on 2023-06-02
    And the deadline of rule kz.cc.63.probation_ends is running with 172 days left

  Scenario Outline: The last day within 90 days in any 180, from 27 January 2023
    # Source: legal-notes section 2 (Entry and stay: since 27 Jan 2023 EAEU citizens stay at most
    # 90 days in any 180). He is back in Kazakhstan since <entered>: the days of stay cannot be
    # fewer than the days since (95 counts earlier stays in the window too).
    Given the case in "seeds/reservist-2022.yaml"
    And the facts:
      | path                  | value     |
      | as_of                 | <day>     |
      | crossing.date         | <entered> |
      | stay.counted_on       | <day>     |
      | stay.days_in_last_180 | <used>    |
    When the case is evaluated
    Then the deadline of rule kz.stay.eaeu.90_in_180.last_day falls on <last>
    And the deadline of rule kz.stay.eaeu.90_in_180.last_day is <status>

    Examples:
      | day        | entered    | used | last       | status                     |
      | 2023-01-27 | 2023-01-07 | 21   | 2023-04-06 | running with 69 days left  |
      | 2023-03-01 | 2022-12-02 | 90   | 2023-03-01 | running with 0 days left   |
      | 2023-03-01 | 2022-12-02 | 95   | 2023-02-24 | overdue                    |

  Scenario: The day before the rule came into force there is no such deadline
    # Source: legal-notes section 2 (before 27 Jan 2023 the count could be reset).
    Given the case in "seeds/reservist-2022.yaml"
    And the facts:
      | path                  | value      |
      | as_of                 | 2023-01-26 |
      | crossing.date         | 2023-01-06 |
      | stay.counted_on       | 2023-01-26 |
      | stay.days_in_last_180 | 21         |
    When the case is evaluated
    Then rule kz.stay.eaeu.90_in_180.last_day does not apply

  Scenario Outline: The 24 hours to claim asylum run from the day of the crossing, before any claim
    # Source: legal-notes section 2 (after a forced illegal crossing, apply within 24 hours; egov.kz,
    # UNHCR Kazakhstan). Issue 12, point 8: running on the day of the crossing, with its time left.
    Given a fresh person of nationality RU in KZ
    And the facts:
      | path                   | value      |
      | crossing.into          | KZ         |
      | crossing.date          | 2022-09-26 |
      | crossing.at_checkpoint | false      |
    When the case is evaluated as of <day>
    Then the deadline of rule kz.refugees.claim_deadline.irregular_entry falls on 2022-09-27
    And the deadline of rule kz.refugees.claim_deadline.irregular_entry is <status>

    Examples:
      | day        | status                    |
      | 2022-09-26 | running with 1 days left  |
      | 2022-09-27 | running with 0 days left  |
      | 2022-09-28 | overdue                   |

  Scenario: A deadline counted from a date known only to the month is listed undated, with its span
    # Source: legal-notes section 2 (within 24 hours); issue 12, point 7. Crossed in March 2023.
    Given a fresh person of nationality RU in KZ
    And the facts:
      | path                   | value   |
      | crossing.into          | KZ      |
      | crossing.date          | 2023-03 |
      | crossing.at_checkpoint | false   |
    When the case is evaluated
    Then the deadline of rule kz.refugees.claim_deadline.irregular_entry is undated
