# language: fr
@story
Fonctionnalité: Un officier russe qui a fui au Kazakhstan pourrait être expulsé
  L'histoire telle que l'article la raconte (seed-article.fr.txt, d'après Reuters, 7 décembre
  2022) : le major Zhilin, officier interdit de sortie, entré illégalement au Kazakhstan en
  septembre ; sa femme venue légalement avec leurs deux enfants ; les civils qui ont traversé
  légalement pour échapper à la mobilisation. lexcase lit son cas au jour de l'article, le
  7 décembre 2022 : ce qui est déjà décidé, et ce qu'il faut encore prédire.

  Scénario: En tant qu'officier ayant accès à des informations classifiées, il ne pouvait pas quitter la Russie
    # Source : l'article (« il m'est interdit de le faire en tant que personne ayant accès à des
    # informations classifiées ») ; legal-notes section 3 (loi 114-FZ art. 15(1)).
    Soit le cas du fichier "seeds/zhilin.yaml"
    Quand le cas est évalué au 2022-12-07
    Alors une issue de type exit_ban est prédite en RU
    Et elle cite l'article 15 partie 1 de la RU Law 114-FZ
    Et elle repose sur la loi

  Scénario: La police kazakhe cite les articles russes sur la désertion et le franchissement illégal de la frontière
    # Source : l'article (document de la police kazakhe) ; legal-notes section 1 (dossier pénal
    # ouvert le 27 septembre 2022 sous les art. 322 et 338) et section 3.
    Soit le cas du fichier "seeds/zhilin.yaml"
    Quand le cas est évalué au 2022-12-07
    Alors une issue de type home_charge est prédite en RU
    Et elle cite l'article 338 partie 3 du RU Criminal Code
    Et son détail max_years vaut 15
    Et une issue de type home_charge est prédite en RU
    Et elle cite l'article 322 du RU Criminal Code

  Scénario: Le Kazakhstan a rejeté sa demande de statut de réfugié
    # Source : l'article ; legal-notes section 1 (refus du 30 novembre 2022) et section 2 (en
    # pratique, aucun déserteur russe reconnu réfugié).
    Soit le cas du fichier "seeds/zhilin.yaml"
    Quand le cas est évalué au 2022-12-07
    Alors une issue de type asylum est prédite au KZ
    Et elle cite l'article 11 partie 1 de la KZ Law on Refugees
    Et son détail decision vaut refused
    Et la règle kz.refugees.practice.military_claims_refused est écartée par kz.refugees.decision.refused
    Et une issue de type remedy est prédite au KZ
    Et elle découle de la règle kz.refugees.appeal
    Et sa confiance est faible

  Scénario: Jugé à Semey pour entrée illégale, il a été condamné à six mois avec sursis et à l'expulsion
    # Source : l'article ; legal-notes section 1 (jugement du 2 décembre 2022) et section 2
    # (art. 392(1) du code pénal kazakh).
    Soit le cas du fichier "seeds/zhilin.yaml"
    Quand le cas est évalué au 2022-12-07
    Alors une issue de type prosecution est prédite au KZ
    Et elle cite l'article 392 partie 1 du KZ Criminal Code
    Et une issue de type sentence est prédite au KZ
    Et son détail months vaut 6
    Et son détail disposition vaut conditional
    Et une issue de type removal est prédite au KZ
    Et elle découle de la règle kz.cc.392.1.expulsion.ordered.length_by_law
    Et son détail destination vaut RU

  Scénario: Arrêté à l'aéroport, il attend une décision de justice sur sa détention
    # Source : l'article (« Il attend maintenant une décision de justice pour prolonger ou non sa
    # détention ») ; legal-notes section 2 (CPP art. 587 et 588). Au jour de l'article, la garde à
    # vue de 40 jours n'est pas encore ordonnée : lexcase la prédit.
    Soit le cas du fichier "seeds/zhilin.yaml"
    Quand le cas est évalué au 2022-12-07
    Alors une issue de type detention est prédite au KZ
    Et elle découle de la règle kz.cpc.587.wanted_notice
    Et une issue de type detention est prédite au KZ
    Et elle découle de la règle kz.cpc.588.custody
    Et son détail limit_days vaut 40
    Et son détail status vaut predicted

  Scénario: Le dilemme du Kazakhstan : le remettre ou non à Moscou
    # Source : l'article ; legal-notes section 2 (pratique de l'extradition) et section 4
    # (Convention de Minsk art. 56).
    Soit le cas du fichier "seeds/zhilin.yaml"
    Quand le cas est évalué au 2022-12-07
    Alors une issue de type removal est prédite au KZ
    Et elle découle de la règle kz.cpc.extradition.practice
    Et elle repose sur la pratique
    Et une issue de type removal est prédite pour INTL
    Et elle cite l'article 56 de la Minsk Convention

  Scénario: Sa femme s'est rendue légalement au Kazakhstan avec leurs deux enfants
    # Source : l'article ; legal-notes section 1 (passage légal au poste de Koyanbay).
    Soit le cas du fichier "seeds/zhilina.yaml"
    Quand le cas est évalué
    Alors aucune issue de type prosecution n'est prédite
    Et aucune issue de type home_charge n'est prédite
    Et la règle kz.cc.392.1.limb.outside_checkpoint ne s'applique pas
    Et la règle ru.114fz.15.1 reste indécise
    Et le fait military.state_secrets_access est demandé par la règle ru.114fz.15.1

  Scénario: Qu'elle ait présenté son passeport intérieur n'y change rien
    # Source : legal-notes section 2 (les Russes peuvent entrer avec leur passeport intérieur).
    Soit le cas du fichier "seeds/zhilina.yaml"
    Et crossing.documents vaut foreign_passport
    Quand le cas est évalué
    Et le résultat est gardé sous le nom "tel que rapporté"
    Et crossing.documents devient internal_passport
    Et le cas est évalué
    Alors le résultat est le même que "tel que rapporté"

  Scénario: Des civils ont traversé légalement pour éviter un ordre de mobilisation
    # Source : l'article (« Beaucoup d'entre eux étaient des civils, traversant légalement ») ;
    # legal-notes section 3 (ne pas se présenter à la mobilisation n'est pas un crime) et
    # section 2 (pas d'extradition pour une convocation à la mobilisation).
    Étant donné une personne de nationalité RU au KZ
    Et les faits :
      | chemin                 | valeur       |
      | military.status        | reservist    |
      | military.call_up.kind  | mobilisation |
      | military.call_up.reported | false     |
      | crossing.from          | RU           |
      | crossing.into          | KZ           |
      | crossing.date          | 2022-09-25   |
      | crossing.at_checkpoint | true         |
    Et as_of vaut 2022-10-15
    Quand le cas est évalué
    Alors aucune issue de type home_charge n'est prédite
    Et aucune issue de type prosecution n'est prédite
    Et une issue de type protection est prédite au KZ
    Et elle repose sur la pratique
    Et la règle ru.cc.328.mobilisation_not_a_crime s'applique
