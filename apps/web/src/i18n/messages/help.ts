import { defineMessages } from '../messages.ts';

/** The public help center (/help). */
export const helpMessages = defineMessages({
  en: {
    title: 'Help center',
    description: 'Guides for running your store on Vitrine.',
    search: 'Search the help center',
    searchButton: 'Search',
    searchPlaceholder: 'Mercado Livre, team, import…',
    results: 'Results',
    noResults: 'No article matches this search. Try other words, or open a support ticket from your admin.',
    noArticles: 'No articles yet.',
    updated: 'Updated',
    back: 'All articles',
    contact: 'Still need help? Open a ticket from Support in your admin.',
  },
  'pt-BR': {
    title: 'Central de ajuda',
    description: 'Guias para cuidar da sua loja na Vitrine.',
    search: 'Buscar na central de ajuda',
    searchButton: 'Buscar',
    searchPlaceholder: 'Mercado Livre, equipe, importar…',
    results: 'Resultados',
    noResults: 'Nenhum artigo corresponde a esta busca. Tente outras palavras ou abra um chamado em Suporte no painel.',
    noArticles: 'Nenhum artigo ainda.',
    updated: 'Atualizado em',
    back: 'Todos os artigos',
    contact: 'Ainda precisa de ajuda? Abra um chamado em Suporte no seu painel.',
  },
});
