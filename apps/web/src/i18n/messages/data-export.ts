import { defineMessages } from '../messages.ts';

export const dataExportMessages = defineMessages({
  en: {
    title: 'Your data',
    description:
      'Download everything your store holds — catalog, orders, settings, team, history — as a zip archive with a JSON and a CSV file per table. Passwords, keys and tokens are never included.',
    request: 'Export all data',
    requesting: 'Asking…',
    refused: 'Only the store’s owner and admins can export its data.',
    history: 'Exports',
    none: 'No export yet.',
    requested: 'Asked on',
    status: 'Status',
    progress: 'Progress',
    size: 'Size',
    expires: 'Available until',
    download: 'Download',
    expired: 'Expired (deleted after 7 days)',
    statusLabel: (status: string) =>
      ({ QUEUED: 'Waiting to start', RUNNING: 'Preparing', DONE: 'Ready', FAILED: 'Failed' })[status] ?? status,
    rows: (done: number, total: number) => `${done} of ${total} rows`,
    keptFor: 'Archives can be downloaded for 7 days, then they are deleted.',
  },
  'pt-BR': {
    title: 'Seus dados',
    description:
      'Baixe tudo o que sua loja guarda — catálogo, pedidos, configurações, equipe, histórico — em um arquivo zip com um JSON e um CSV por tabela. Senhas, chaves e tokens nunca são incluídos.',
    request: 'Exportar todos os dados',
    requesting: 'Pedindo…',
    refused: 'Só o dono e os administradores da loja podem exportar seus dados.',
    history: 'Exportações',
    none: 'Nenhuma exportação ainda.',
    requested: 'Pedida em',
    status: 'Situação',
    progress: 'Progresso',
    size: 'Tamanho',
    expires: 'Disponível até',
    download: 'Baixar',
    expired: 'Expirada (apagada após 7 dias)',
    statusLabel: (status: string) =>
      ({ QUEUED: 'Aguardando início', RUNNING: 'Preparando', DONE: 'Pronta', FAILED: 'Falhou' })[status] ?? status,
    rows: (done: number, total: number) => `${done} de ${total} linhas`,
    keptFor: 'Os arquivos ficam disponíveis por 7 dias e depois são apagados.',
  },
});
