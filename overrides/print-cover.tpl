{#- Cover of the PDF edition: every word comes from mkdocs.yml, so editions in other languages set their own. -#}
<div class="book-cover">
  <h1>{{ config.site_name }}</h1>
  <p class="book-cover__subtitle">{{ config.site_description }}</p>
  <p class="book-cover__edition">{{ config.extra.edition_label }}</p>
  <p class="book-cover__authors">{{ config.site_author }}</p>
  <p class="book-cover__licence">{{ config.copyright }}</p>
</div>
