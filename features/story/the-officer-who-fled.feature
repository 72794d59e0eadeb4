@story
Feature: The officer who fled to Kazakhstan, his wife, and the civilians who crossed legally
  The article lexcase starts from (seed-article.fr.txt): a Russian officer with access to state
  secrets, barred from leaving Russia, crosses into Kazakhstan outside a checkpoint in September
  2022 to avoid being sent to the war; his wife and their two children cross lawfully; so do
  hundreds of thousands of civilians avoiding the mobilisation order.

  The officer is seen twice: on 27 September 2022, the day after he crossed, when lexcase has to
  predict what Kazakhstan and Russia will do; and on 12 December 2022, when the refusal of asylum,
  the sentence and the custody are on record and replace the predictions.

  Scenario: The day after he crossed, he is barred from leaving Russia by his access to secrets
    # Source: legal-notes section 1 (FSO officer with access to state secrets, hence barred from
    # leaving; Novaya Gazeta 15 Dec 2022) and section 3 (Law 114-FZ art. 15(1)).
    Given the case in "seeds/zhilin.yaml"
    When the case is evaluated as of 2022-09-27
    Then an outcome of kind exit_ban is predicted in RU
    And it cites article 15 part 1 of RU Law 114-FZ
    And it rests on law
    And its detail ground is access to state secrets

  Scenario: The day after he crossed, Russia has opened a case for desertion and illegal crossing
    # Source: legal-notes section 1 (27 Sep 2022: criminal case under RU CC arts. 322 and 338;
    # Moscow Times 14 Dec 2022) and section 3 (art. 338(3), 5 to 15 years from 24 Sep 2022;
    # art. 322(1), up to 2 years).
    Given the case in "seeds/zhilin.yaml"
    When the case is evaluated as of 2022-09-27
    Then an outcome of kind home_charge is predicted in RU
    And it cites article 338 part 3 of the RU Criminal Code
    And its detail min_years is 5
    And its detail max_years is 15
    And its detail status is charged
    And an outcome of kind home_charge is predicted in RU
    And it cites article 322 part 1 of the RU Criminal Code
    And its detail max_years is 2
    And rule ru.cc.338.3 is defeated by ru.cc.338.3.charged
    And rule ru.cc.322.1 is defeated by ru.cc.322.1.charged

  Scenario: The day after he crossed, lexcase predicts his prosecution and a conditional sentence
    # Source: legal-notes section 2 (KZ CC art. 392(1): up to 1,000 MRP or 1 year, expulsion of
    # a foreigner for 5 years; reported practice for first offenders: 6 months, conditional).
    Given the case in "seeds/zhilin.yaml"
    When the case is evaluated as of 2022-09-27
    Then an outcome of kind prosecution is predicted in KZ
    And it cites article 392 part 1 of the KZ Criminal Code
    And its detail max_months is 12
    And its detail max_fine_mrp is 1000
    And its detail expulsion_years is 5
    And an outcome of kind sentence is predicted in KZ
    And it rests on practice
    And its detail disposition is conditional
    And its detail likely_months is 6
    And rule kz.cc.392.1.sentence.range is defeated by kz.cc.392.1.sentence.practice

  Scenario: The day after he crossed, lexcase predicts the refusal of asylum, against the law's argument
    # Source: legal-notes section 2 (practice: no Russian deserter known to have been recognised)
    # and section 4 (UNHCR Guidelines No. 10: desertion from an unlawful conflict grounds refugee
    # status). Law and practice diverge, and the result shows both.
    Given the case in "seeds/zhilin.yaml"
    When the case is evaluated as of 2022-09-27
    Then an outcome of kind asylum is predicted in KZ
    And it rests on practice
    And its detail decision is refused
    And its detail status is predicted
    And an outcome of kind asylum is predicted in INTL
    And it rests on law
    And it comes from rule intl.gl10.unlawful_conflict
    And its confidence is medium
    And an outcome of kind remedy is predicted in INTL
    And it comes from rule intl.gl10.appeal_argument

  Scenario: The day after he crossed, lexcase predicts his removal to Russia by more than one road
    # Source: legal-notes section 2 (expulsion under art. 392(1); the hand-over while his refugee
    # appeal was pending, Moscow Times 30 Dec 2022) and section 4 (Minsk Convention art. 56).
    Given the case in "seeds/zhilin.yaml"
    When the case is evaluated as of 2022-09-27
    Then an outcome of kind removal is predicted in KZ
    And it comes from rule kz.cc.392.1.expulsion
    And its detail destination is RU
    And its detail status is predicted
    And an outcome of kind removal is predicted in KZ
    And it rests on practice
    And its detail type is deportation
    And its detail while_appeal_pending is true
    And an outcome of kind removal is predicted in INTL
    And it cites article 56 of the Minsk Convention
    And its detail type is extradition

  Scenario: The day after he crossed, his wanted notice is not yet known
    # Source: legal-notes section 1 (the international wanted notice is reported only later; the
    # case file has it known by the airport detention of 6 Dec 2022). Unknown is not false.
    Given the case in "seeds/zhilin.yaml"
    When the case is evaluated as of 2022-09-27
    Then no outcome of kind detention is predicted
    And rule kz.cpc.587.wanted_notice is undecided
    And the fact home_proceedings.wanted_notice.international is listed as needed by rule kz.cpc.587.wanted_notice

  Scenario: The day after he crossed, he can argue that art. 31 forbids punishing his entry
    # Source: legal-notes section 4 (Refugee Convention art. 31(1)) and section 2 (asylum asked
    # within 24 hours of an irregular crossing; he asked when held, on 26 Sep 2022).
    Given the case in "seeds/zhilin.yaml"
    When the case is evaluated as of 2022-09-27
    Then an outcome of kind remedy is predicted in INTL
    And it cites article 31 part 1 of the Refugee Convention
    And rule kz.refugees.claim_on_time.irregular_entry holds
    And rule kz.refugees.certificate holds

  Scenario: On 12 December 2022 the decisions on record replace the predictions
    # Source: legal-notes section 1 (30 Nov 2022 refusal; 2 Dec 2022 Semey sentence, six months
    # conditional with expulsion; 6 Dec airport detention; 12 Dec 40 days of custody).
    Given the case in "seeds/zhilin.yaml"
    When the case is evaluated as of 2022-12-12
    Then an outcome of kind sentence is predicted in KZ
    And it rests on law
    And its detail status is imposed
    And its detail months is 6
    And its detail disposition is conditional
    And rule kz.cc.392.1.sentence.practice is defeated by kz.cc.392.sentence.imposed
    And an outcome of kind asylum is predicted in KZ
    And its detail status is decided
    And its detail on is 2022-11-30
    And rule kz.refugees.practice.military_claims_refused is defeated by kz.refugees.decision.refused
    And an outcome of kind removal is predicted in KZ
    And its detail status is ordered
    And rule kz.cc.392.1.expulsion is defeated by kz.cc.392.1.expulsion.ordered.length_by_law

  Scenario: On 12 December 2022 he is held for extradition, for at most 40 days
    # Source: legal-notes section 1 (6 Dec airport detention on the wanted notice; 12 Dec custody
    # order) and section 2 (KZ CPC arts. 587 and 588; Minsk Convention art. 62).
    Given the case in "seeds/zhilin.yaml"
    When the case is evaluated as of 2022-12-12
    Then an outcome of kind detention is predicted in KZ
    And it cites article 587 of the KZ Criminal Procedure Code
    And its detail limit_hours is 72
    And an outcome of kind detention is predicted in KZ
    And it comes from rule kz.cpc.588.custody.ordered
    And it cites article 62 of the Minsk Convention
    And its detail limit_days is 40
    And rule kz.cpc.588.custody is defeated by kz.cpc.588.custody.ordered
    And an outcome of kind removal is predicted in KZ
    And it comes from rule kz.cpc.extradition.practice
    And it rests on practice
    And an outcome of kind remedy is predicted in KZ
    And it comes from rule kz.cpc.extradition.appeal
    And its detail deadline_days is 10

  Scenario: On 12 December 2022 lexcase foresees how he was in fact sent back
    # Source: legal-notes section 1 (29 Dec 2022: handed to Russian border guards, a deportation
    # executing the expulsion while his refugee appeal was pending; Moscow Times 30 Dec 2022).
    Given the case in "seeds/zhilin.yaml"
    When the case is evaluated as of 2022-12-12
    Then an outcome of kind removal is predicted in KZ
    And it comes from rule kz.refugees.practice.removal_pending_appeal
    And it rests on practice
    And its detail type is deportation
    And its detail executes is the court's expulsion

  Scenario: His wife, who crossed at the checkpoint, faces none of his criminal path
    # Source: legal-notes section 1 (wife and children cross lawfully at Koyanbay on 26 Sep 2022;
    # Novaya Gazeta 15 Dec 2022).
    Given the case in "seeds/zhilina.yaml"
    When the case is evaluated
    Then no outcome of kind prosecution is predicted
    And no outcome of kind sentence is predicted
    And no outcome of kind home_charge is predicted
    And no outcome of kind removal is predicted
    And rule kz.cc.392.1.limb.outside_checkpoint does not apply
    And the fact crossing.documents is listed as needed by rule kz.cc.392.1.limb.false_documents

  Scenario: Whether she may leave Russia is undecided: her access to secrets is not reported
    # Source: legal-notes section 3 (Law 114-FZ art. 15(1)); the seed records her as a civilian
    # and says nothing of access to secrets. Unknown is not false.
    Given the case in "seeds/zhilina.yaml"
    When the case is evaluated
    Then no outcome of kind exit_ban is predicted
    And rule ru.114fz.15.1 is undecided
    And the fact military.state_secrets_access is listed as needed

  Scenario: Her travel document changes nothing, so long as it is her own
    # Source: legal-notes section 2 (Russians may enter Kazakhstan on their internal passport);
    # her document is not reported (seeds/zhilina.yaml). Her own foreign or internal passport
    # fits no limb of art. 392(1); another person's would (issue 12, point 2).
    Given the case in "seeds/zhilina.yaml"
    And crossing.documents is foreign_passport
    When the case is evaluated
    And the result is kept as "as reported"
    And crossing.documents becomes internal_passport
    And the case is evaluated
    Then the result is the same as "as reported"

  Scenario: A civilian who crossed legally to avoid the mobilisation order risks no charge
    # Source: legal-notes section 1 (the article's other population) and section 3 (not reporting
    # for mobilisation is not a crime); section 2 (Interior Minister, Sep 2022: no extradition on
    # mobilisation summonses).
    Given the case in "seeds/reservist-2022.yaml"
    When the case is evaluated
    Then no outcome of kind home_charge is predicted
    And no outcome of kind prosecution is predicted
    And no outcome of kind removal is predicted
    And an outcome of kind protection is predicted in KZ
    And it rests on practice
    And it comes from rule kz.cpc.extradition.no_extradition_for_mobilisation
    And an outcome of kind remedy is predicted in RU
    And it comes from rule ru.cc.328.mobilisation_not_a_crime
    And rule ru.cc.328.1 does not apply
