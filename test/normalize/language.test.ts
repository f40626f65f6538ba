import { describe, expect, it } from 'vitest';
import { DETECTED_LANGUAGES, textLanguage, textLanguages } from '../../src/normalize/language.js';

/** Meeting notes of some fifty words in each language, written for the test. */
const NOTES: Record<string, string> = {
  en: 'We looked at the release plan and the open bugs. The team agreed that the fix for the login page should ship first, and Maria will write the migration guide for the new API by Friday. We did not have time for the roadmap, which moves to the next meeting with the budget.',
  de: 'Wir haben uns den Plan für die Werkstatt angesehen und über die offenen Punkte gesprochen. Die Schlüssel sind noch nicht verteilt, deshalb kümmert sich Leon bis nächste Woche darum. Das Repaircafé soll auch im Sommer stattfinden, aber wir brauchen noch Helfer für den Aufbau und die Kasse bei dem Fest.',
  fr: "Nous avons revu le plan de la version et les anomalies ouvertes. L'équipe est d'accord pour livrer d'abord la correction de la page de connexion, et Marie rédige le guide de migration pour la nouvelle API avant vendredi. Les autres sujets sont reportés à la prochaine réunion avec le budget et les recrutements.",
  es: 'Revisamos el plan de la versión y los errores abiertos. El equipo está de acuerdo en publicar primero la corrección de la página de acceso, y María escribe la guía de migración hasta el viernes. También hay que preparar la demo, pero los demás temas quedan para la próxima reunión cuando estén todos.',
  pt: 'Revisamos o plano da versão e os erros abertos. A equipe concordou em publicar primeiro a correção da página de acesso, e a Maria escreve o guia de migração até sexta. Também falamos sobre o orçamento, mas isso fica para a próxima reunião, onde o time vai ver os números com muito cuidado.',
  it: 'Abbiamo rivisto il piano della versione e gli errori aperti. Il gruppo è stato d’accordo che la correzione della pagina di accesso deve uscire per prima, e Maria scrive la guida di migrazione entro venerdì. Anche il bilancio è stato discusso, ma gli altri punti sono rinviati alla prossima riunione dove questo sarà più chiaro.',
  zh: '我们回顾了版本计划和未解决的问题。团队同意先发布登录页面的修复，玛丽在周五之前写好新接口的迁移指南。预算也讨论了，但是其他议题留到下次会议，因为时间不够。',
  nl: 'Wij hebben het plan voor de nieuwe versie en de open fouten bekeken. Het team is akkoord dat de correctie van de inlogpagina eerst wordt uitgebracht, en Maria schrijft de migratiegids voor vrijdag. De begroting is ook besproken, maar de andere punten gaan naar de volgende vergadering omdat er niet genoeg tijd was.',
  ko: '릴리스 계획과 해결되지 않은 버그를 검토했습니다. 팀은 로그인 화면 수정을 먼저 배포하기로 했고, 마리아가 금요일까지 새 API 이전 안내서를 작성합니다. 예산도 이야기했지만 다른 안건은 다음 회의로 넘겼습니다.',
};

describe('textLanguage', () => {
  it.each(Object.entries(NOTES))('tells notes written in %s', (language, text) => {
    expect(textLanguage(text)).toBe(language);
  });

  it('tells every language it lists', () => {
    expect([...DETECTED_LANGUAGES].sort()).toEqual(Object.keys(NOTES).sort());
  });

  it('says nothing of a short text: a title and a link tell no language', () => {
    expect(textLanguage('Protokoll der Sitzung, siehe Pad')).toBeUndefined();
    expect(textLanguage(NOTES.fr?.split(' ').slice(0, 30).join(' ') ?? '')).toBeUndefined();
  });

  it('takes Japanese, which writes kana between its Han characters, for no Chinese', () => {
    const ja =
      'リリース計画と未解決のバグを確認しました。チームはログイン画面の修正を先に出すことに同意し、マリアが金曜日までに新しいAPIの移行ガイドを書きます。予算の話は次回の会議に回します。';
    expect(textLanguage(ja)).toBeUndefined();
  });

  it('says nothing of notes that mix two languages about equally', () => {
    expect(textLanguage(`${NOTES.en} ${NOTES.fr}`)).toBeUndefined();
  });

  it('keeps the page language when a quote in another language is short', () => {
    const quote = 'Le client a écrit : « nous avons besoin du rapport ».';
    expect(textLanguage(`${NOTES.en} ${NOTES.en} ${quote}`)).toBe('en');
  });

  it('does not count words that several languages share ("de", "la", "que", "on")', () => {
    const shared = 'de la que on a en un o e se no lo la de que en a on '.repeat(4);
    expect(textLanguage(shared)).toBeUndefined();
  });
});

describe('textLanguages', () => {
  it('reads both halves of notes written half in each language', () => {
    expect(textLanguages(`${NOTES.en} ${NOTES.de}`).sort()).toEqual(['de', 'en']);
  });

  it('keeps to the one language of a page written in one', () => {
    expect(textLanguages(`${NOTES.en} ${NOTES.en}`)).toEqual(['en']);
    expect(textLanguages(NOTES.zh ?? '')).toEqual(['zh']);
  });

  it('takes kana for Japanese, beside the English of its task names', () => {
    const ja =
      '## TODO\n\n* Review the design\n* 会場の下見に行く予定です。スポンサーへの返事を出すのが少し遅れている。';
    expect(textLanguages(ja)).toEqual(['ja']);
  });
});
