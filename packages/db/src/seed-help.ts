import type { PrismaClient } from './client.ts';

/**
 * The demo's help center: four published articles, each in English and Brazilian Portuguese (one row per
 * language; slugs are unique across languages). Created only when their slug is missing, so an article staff
 * edited since is left as it is. Returns how many rows it created.
 */
export interface DemoHelpArticle {
  slug: string;
  locale: 'en' | 'pt-BR';
  category: string;
  title: string;
  body: string;
}

export const DEMO_HELP_ARTICLES: DemoHelpArticle[] = [
  {
    slug: 'connecting-mercado-livre', locale: 'en', category: 'Mercado Livre', title: 'Connecting your Mercado Livre account',
    body: [
      'Vitrine keeps your Mercado Livre listings, orders, questions and messages next to your own store, so you answer buyers from one place.',
      'In the admin, open Mercado Livre and choose Connect account. You are sent to Mercado Livre to sign in with your seller account and allow Vitrine to read and answer on your behalf. When you come back, the first synchronisation starts on its own.',
      'The first synchronisation reads your listings and recent orders; a large catalogue can take a few minutes. The page shows its progress, and you can keep working meanwhile. After that, changes arrive within seconds through Mercado Livre notifications, and a check every 30 minutes catches anything missed.',
      'If Mercado Livre asks you to connect again (after a password change, for example), the account shows Reconnect needed: choose Reconnect and sign in once more. Nothing synchronised so far is lost.',
    ].join('\n\n'),
  },
  {
    slug: 'conectando-mercado-livre', locale: 'pt-BR', category: 'Mercado Livre', title: 'Conectando sua conta do Mercado Livre',
    body: [
      'A Vitrine mantém seus anúncios, pedidos, perguntas e mensagens do Mercado Livre ao lado da sua loja, para você atender os compradores em um só lugar.',
      'No painel, abra Mercado Livre e escolha Conectar conta. Você vai ao Mercado Livre para entrar com sua conta de vendedor e permitir que a Vitrine leia e responda em seu nome. Ao voltar, a primeira sincronização começa sozinha.',
      'A primeira sincronização lê seus anúncios e pedidos recentes; um catálogo grande pode levar alguns minutos. A página mostra o progresso e você pode continuar trabalhando. Depois disso, as mudanças chegam em segundos pelas notificações do Mercado Livre, e uma verificação a cada 30 minutos recupera o que tiver faltado.',
      'Se o Mercado Livre pedir uma nova conexão (depois de uma troca de senha, por exemplo), a conta mostra Reconexão necessária: escolha Reconectar e entre de novo. Nada do que já foi sincronizado se perde.',
    ].join('\n\n'),
  },
  {
    slug: 'publishing-your-store', locale: 'en', category: 'Your store', title: 'Publishing your store',
    body: [
      'A new store stays private until you publish it: you can prepare products, pages and payments without buyers seeing anything.',
      'The setup wizard in the admin walks you through the steps that matter before opening: your store name and logo, market and currency, payments, shipping, a theme and at least one product. Each step can be revisited later from Settings.',
      'When the checklist is complete, choose Publish. Your store answers at once at its address (yourstore.vitrine address, or your own domain once it is verified). Use Preview before publishing to see the store as a buyer will.',
      'You can unpublish at any time from Settings; buyers then see that the store is not open, and nothing you prepared is deleted.',
    ].join('\n\n'),
  },
  {
    slug: 'publicando-sua-loja', locale: 'pt-BR', category: 'Sua loja', title: 'Publicando sua loja',
    body: [
      'Uma loja nova fica privada até você publicá-la: dá para preparar produtos, páginas e pagamentos sem que os compradores vejam nada.',
      'O assistente de configuração no painel guia você pelos passos que importam antes de abrir: nome e logo da loja, mercado e moeda, pagamentos, frete, um tema e pelo menos um produto. Cada passo pode ser revisto depois em Configurações.',
      'Com a lista completa, escolha Publicar. Sua loja passa a responder no mesmo instante no endereço dela (o endereço na Vitrine, ou o seu próprio domínio depois de verificado). Use Pré-visualizar antes de publicar para ver a loja como o comprador verá.',
      'Você pode despublicar quando quiser em Configurações; os compradores passam a ver que a loja não está aberta, e nada do que você preparou é apagado.',
    ].join('\n\n'),
  },
  {
    slug: 'inviting-your-team', locale: 'en', category: 'Your team', title: 'Inviting your team',
    body: [
      'Everyone who helps run the store signs in with their own account, so you always know who did what (the audit log records it).',
      'Open Team in the admin, enter the person\'s email and choose a role. Owners can do everything, billing included. Admins can do everything but billing. Staff only reach the areas you tick: catalog, orders, support, settings or billing.',
      'The person receives an email with a link valid for 7 days. If it expires or gets lost, choose Resend: a new link replaces the old one. You can revoke a pending invitation at any time.',
      'Each plan includes a number of team members; a pending invitation holds a seat until it is accepted, revoked or expires.',
    ].join('\n\n'),
  },
  {
    slug: 'convidando-sua-equipe', locale: 'pt-BR', category: 'Sua equipe', title: 'Convidando sua equipe',
    body: [
      'Cada pessoa que ajuda a cuidar da loja entra com a própria conta, assim você sempre sabe quem fez o quê (o registro de auditoria guarda isso).',
      'Abra Equipe no painel, informe o e-mail da pessoa e escolha um papel. Proprietários podem tudo, inclusive a cobrança. Administradores podem tudo menos a cobrança. Colaboradores só acessam as áreas que você marcar: catálogo, pedidos, suporte, configurações ou cobrança.',
      'A pessoa recebe um e-mail com um link válido por 7 dias. Se ele expirar ou se perder, escolha Reenviar: um novo link substitui o antigo. Você pode revogar um convite pendente a qualquer momento.',
      'Cada plano inclui um número de membros da equipe; um convite pendente ocupa uma vaga até ser aceito, revogado ou expirar.',
    ].join('\n\n'),
  },
  {
    slug: 'importing-products', locale: 'en', category: 'Catalog', title: 'Importing products from a spreadsheet',
    body: [
      'You can add or update many products at once with a CSV or Excel file instead of typing them one by one.',
      'In Products, choose Import and download the template. Each row is one variant: the product title and address, the SKU, price, stock and options such as size or colour. Rows that share a product address become variants of the same product.',
      'Upload your file and Vitrine checks every row before anything changes. Problems are listed with their row and column, for example a price that is not a number, so you can fix the file and upload it again.',
      'When the check passes, choose Import. All rows are written together: if something fails midway, nothing is half imported. Existing products are matched by SKU and updated; new ones are created.',
    ].join('\n\n'),
  },
  {
    slug: 'importando-produtos', locale: 'pt-BR', category: 'Catálogo', title: 'Importando produtos de uma planilha',
    body: [
      'Você pode incluir ou atualizar muitos produtos de uma vez com um arquivo CSV ou Excel, em vez de digitá-los um a um.',
      'Em Produtos, escolha Importar e baixe o modelo. Cada linha é uma variação: título e endereço do produto, SKU, preço, estoque e opções como tamanho ou cor. Linhas com o mesmo endereço de produto viram variações do mesmo produto.',
      'Envie o arquivo e a Vitrine confere cada linha antes de mudar qualquer coisa. Os problemas aparecem com linha e coluna, por exemplo um preço que não é número, para você corrigir o arquivo e enviar de novo.',
      'Quando a conferência passar, escolha Importar. Todas as linhas são gravadas juntas: se algo falhar no meio, nada fica importado pela metade. Produtos existentes são encontrados pelo SKU e atualizados; os novos são criados.',
    ].join('\n\n'),
  },
];

export async function ensureHelpArticles(prisma: PrismaClient, authorUserId: string): Promise<number> {
  let created = 0;
  for (const article of DEMO_HELP_ARTICLES) {
    const existing = await prisma.helpArticle.findUnique({ where: { slug: article.slug }, select: { id: true } });
    if (existing) continue;
    await prisma.helpArticle.create({ data: { ...article, published: true, publishedAt: new Date(), authorUserId } });
    created++;
  }
  return created;
}
