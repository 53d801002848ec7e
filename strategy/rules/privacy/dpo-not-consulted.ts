import type { Rule } from '../rule';

export const dpoNotConsulted: Rule = {
  id: 'dpo-not-consulted',
  category: 'privacy',
  defaultSeverity: 'warning',
  scope: 'measure',
  description: {
    de: 'Datenschutz-Folgenabschätzung ohne Beteiligung der/des Datenschutzbeauftragten (Art. 35 Abs. 2, Art. 38, 39 DSGVO).',
    en: 'Data protection impact assessment without consulting the data protection officer (Art. 35(2), 38, 39 GDPR).',
  },
  messages: {
    missing: {
      de: 'Datenschutzbeauftragte/r nicht beteiligt (Art. 35 Abs. 2, Art. 38, 39 DSGVO): bei der DSFA Rat einholen und das Datum in „dpo_consulted“ eintragen',
      en: 'Data protection officer not consulted (Art. 35(2), 38, 39 GDPR): seek their advice on the DPIA and enter the date in "dpo_consulted"',
    },
  },
  check({ measure, report }) {
    const p = measure.privacy;
    if (!p || measure.status === 'cancelled' || p.dpo_consulted) return;
    if (p.dpia === 'required' || p.dpia === 'in-progress' || p.dpia === 'done') report({ message: 'missing', at: ['privacy', 'dpia'] });
  },
};
