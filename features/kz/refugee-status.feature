@kz
Feature: Will Kazakhstan recognise a Russian deserter as a refugee, and what follows a refusal?
  The KZ Law on Refugees: when to claim, the asylum seeker's certificate, the decision, the
  appeal, and what Kazakhstan has done in reported practice.

  Background:
    Given a fresh person of nationality RU in KZ
    And the facts:
      | path                      | value      |
      | military.state            | RU         |
      | military.status           | officer    |
      | military.left_service.how | deserted   |
      | military.left_service.on  | 2022-09-26 |
      | crossing.from             | RU         |
      | crossing.into             | KZ         |
      | crossing.date             | 2022-09-26 |
      | crossing.at_checkpoint    | false      |
      | asylum.applied_on         | 2022-09-26 |

  Scenario Outline: After crossing outside a checkpoint, asylum must be claimed within 24 hours
    # Source: legal-notes section 2 (Law on Refugees: within 24 hours after a forced illegal
    # crossing; egov.kz, UNHCR Kazakhstan). Dates carry no hours, so the day of the crossing and
    # the next day count as within 24 hours.
    Given asylum.applied_on is <applied on>
    When the case is evaluated
    Then rule kz.refugees.claim_on_time.irregular_entry <fate>

    Examples:
      | applied on | fate           |
      | 2022-09-26 | holds          |
      | 2022-09-27 | holds          |
      | 2022-09-28 | does not apply |

  Scenario Outline: After a lawful entry, asylum must be claimed within 5 calendar days
    # Source: legal-notes section 2 (Law on Refugees: within 5 calendar days of arrival).
    Given crossing.at_checkpoint is true
    And asylum.applied_on is <applied on>
    When the case is evaluated
    Then rule kz.refugees.claim_on_time.lawful_entry <fate>

    Examples:
      | applied on | fate           |
      | 2022-10-01 | holds          |
      | 2022-10-02 | does not apply |

  Scenario: While his claim is pending, his stay is lawful and refusal is predicted from practice
    # Source: legal-notes section 2 (the certificate makes the stay lawful; practice: no Russian
    # deserter or draft evader known to have been recognised; eleven refused by Feb 2026).
    When the case is evaluated
    Then rule kz.refugees.certificate holds
    And an outcome of kind asylum is predicted in KZ
    And it rests on practice
    And it cites article 1 paragraph 1) of the KZ Law on Refugees
    And its detail decision is refused
    And its detail likelihood is very likely
    And an outcome of kind asylum is predicted in INTL
    And it rests on law
    And its detail decision is qualifies in law

  Scenario: A refusal on record replaces the prediction and opens an appeal
    # Source: legal-notes section 1 (refusal of 30 Nov 2022) and section 2 (the appeal deadline,
    # its article and its suspensive effect are unverified [U]).
    Given asylum.decision.outcome is refused
    And asylum.decision.on is 2022-11-30
    When the case is evaluated
    Then an outcome of kind asylum is predicted in KZ
    And it rests on law
    And its detail status is decided
    And rule kz.refugees.practice.military_claims_refused is defeated by kz.refugees.decision.refused
    And an outcome of kind remedy is predicted in KZ
    And it comes from rule kz.refugees.appeal
    And its confidence is low
    And its detail deadline is unverified

  Scenario: A grant on record replaces the predicted refusal
    # Source: legal-notes section 2 (Law on Refugees art. 11(1), the decision).
    Given asylum.decision.outcome is granted
    When the case is evaluated
    Then an outcome of kind asylum is predicted in KZ
    And its detail decision is granted
    And rule kz.refugees.practice.military_claims_refused is defeated by kz.refugees.decision.granted

  Scenario: A court that allows his appeal quashes the refusal
    # Source: legal-notes section 1 (his appeal against the refusal was pending on 28 Dec 2022)
    # and section 2 (court appeals; the article is unverified).
    Given the facts:
      | path                            | value      |
      | asylum.decision.outcome         | refused    |
      | asylum.appeal.filed_on          | 2022-12-05 |
      | asylum.appeal.decision.outcome  | allowed    |
    When the case is evaluated
    Then an outcome of kind asylum is predicted in KZ
    And its detail decision is refusal quashed
    And rule kz.refugees.decision.refused is defeated by kz.refugees.appeal.allowed
    And rule kz.refugees.appeal does not apply

  Scenario: After a final refusal in court he must leave within 30 days
    # Source: legal-notes section 2 (after a final court refusal, leave within 30 days; a lawyer
    # quoted by fergana.news).
    Given the facts:
      | path                           | value     |
      | asylum.decision.outcome        | refused   |
      | asylum.appeal.decision.outcome | dismissed |
      | asylum.appeal.decision.final   | true      |
    When the case is evaluated
    Then an outcome of kind duty is predicted in KZ
    And it comes from rule kz.refugees.leave_after_final_refusal
    And its detail duty is leave Kazakhstan
    And its detail within_days is 30
    And its confidence is medium

  Scenario: In practice he is handed over while his appeal is still pending
    # Source: legal-notes section 1 (29 Dec 2022 hand-over while the refugee appeal was pending)
    # and section 2 (practice contradicting an unverified suspensive effect).
    Given asylum.decision.outcome is refused
    And host_proceedings.sentence.expulsion is true
    When the case is evaluated
    Then an outcome of kind removal is predicted in KZ
    And it rests on practice
    And its detail type is deportation

  Scenario: A claim on record only by its registration still gets the predicted decision
    # Source: legal-notes section 2 (practice: no Russian deserter recognised; decision within 3
    # months of registration). Issue 12, point 4: the registration is read for what it is.
    Given the facts:
      | path                      | value      |
      | military.left_service.how | deserted   |
      | asylum.registered_on      | 2022-10-03 |
    When the case is evaluated as of 2022-10-10
    Then rule kz.refugees.claim_made.registered holds
    And an outcome of kind asylum is predicted in KZ
    And it comes from rule kz.refugees.practice.military_claims_refused
    And the deadline of rule kz.refugees.11.1.decision_due falls on 2023-01-03

  Scenario Outline: A registration within 24 hours of the crossing shows the claim was in time
    # Source: legal-notes section 2 (after a forced illegal crossing, apply within 24 hours; egov.kz,
    # UNHCR Kazakhstan). A claim is made no later than it is registered.
    Given the facts:
      | path                   | value        |
      | crossing.into          | KZ           |
      | crossing.date          | 2022-09-26   |
      | crossing.at_checkpoint | false        |
      | asylum.applied_on      | unknown      |
      | asylum.registered_on   | <registered> |
    When the case is evaluated
    Then rule kz.refugees.claim_on_time.irregular_entry.registered <fate>

    Examples:
      | registered | fate           |
      | 2022-09-27 | holds          |
      | 2022-09-28 | does not apply |

  Scenario: A claim the reports give only by a date it existed is a claim made
    # Source: docs/sources.md euronews-2026-02-03 (Bazhukov held asylum-seeker status when he was
    # handed over on 2 February 2026).
    Given asylum.known_by is 2026-02-02
    When the case is evaluated
    Then rule kz.refugees.claim_made.known_by holds

  Scenario Outline: While his claim is pending, the law protects him from return; practice is shown beside it
    # Source: docs/sources.md euronews-2026-02-03 (the Kazakhstan International Bureau for Human
    # Rights: asylum-seeker status bars extradition) [U: the article is not verified]; legal-notes
    # section 4 (Refugee Convention art. 33(1)). Issue 12, point 5.
    Given the facts:
      | path                                        | value      |
      | asylum.applied_on                           | 2022-09-26 |
      | asylum.decision.outcome                     | <decision> |
      | home_proceedings.charges                    | [{"article": "322"}] |
      | home_proceedings.wanted_notice.international | true       |
    When the case is evaluated
    Then rule kz.refugees.asylum_seeker.not_returned <fate>

    Examples:
      | decision | fate           |
      | unknown  | holds          |
      | refused  | does not apply |

  Scenario: An extradition that Kazakhstan may grant is shown with the claimant's protection beside it
    # Source: as above; legal-notes section 2 (practice: most extradition requests granted).
    Given the facts:
      | path                                         | value                |
      | asylum.applied_on                            | 2022-09-26           |
      | home_proceedings.charges                     | [{"article": "322"}] |
      | home_proceedings.wanted_notice.international | true                 |
    When the case is evaluated
    Then an outcome of kind removal is predicted in KZ
    And it comes from rule kz.cpc.extradition.practice
    And an outcome of kind protection is predicted in KZ
    And it comes from rule kz.refugees.asylum_seeker.not_returned
    And its confidence is low
