from django import template

from pages import cards

register = template.Library()


@register.simple_tag
def related_cards(pages):
    """`{% related_cards pages as cards %}`: the live ones among chosen pages, as cards."""
    return cards.related_cards(pages)


@register.simple_tag
def article_groups(section):
    """`{% article_groups page as groups %}`: a section's articles as (heading, cards)."""
    return cards.article_groups(section)
